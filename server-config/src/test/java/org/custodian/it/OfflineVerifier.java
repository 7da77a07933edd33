package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;

/**
 * The shipped single-file verifier of audit exports, run with a plain `java` as an auditor would: {@link #runAsShipped}
 * exactly so (the source launcher compiles the file on every run, seconds on a busy machine), {@link #run} from the
 * same file compiled once per test JVM, for the many tampered copies a test checks.
 */
final class OfflineVerifier {

    record Verdict(int exit, String output) {
    }

    private static Path compiled;

    private OfflineVerifier() {
    }

    /** {@code java VerifyAuditExport.java export key}, as the documentation tells auditors. */
    static Verdict runAsShipped(Path export, Path key) throws Exception {
        return java(List.of(System.getProperty("custodian.it.verifier"), export.toString(), key.toString()));
    }

    /** The same verifier, compiled from the same file once: {@code java -cp classes VerifyAuditExport export key}. */
    static Verdict run(Path export, Path key) throws Exception {
        return java(List.of("-cp", classes().toString(), "VerifyAuditExport", export.toString(), key.toString()));
    }

    private static synchronized Path classes() throws Exception {
        if (compiled == null) {
            Path dir = Files.createDirectories(Path.of(System.getProperty("custodian.it.workdir"), "verifier-classes"));
            int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d", dir.toString(),
                    System.getProperty("custodian.it.verifier"));
            assertEquals(0, exit, "the verifier compiles");
            compiled = dir;
        }
        return compiled;
    }

    private static Verdict java(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // read before waiting: a full pipe would stall the verifier
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the verifier finished");
        return new Verdict(process.exitValue(), output);
    }

    /** The dev key the IT server signs checkpoints with (server-config/src/test/dev-keys). */
    static Path devKey() {
        return Path.of(System.getProperty("custodian.it.devkeys"), "audit-verify-key.pem");
    }
}
