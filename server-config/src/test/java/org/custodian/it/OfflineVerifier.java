package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The shipped single-file verifier of audit exports, run with a plain `java` as an auditor would. */
final class OfflineVerifier {

    record Verdict(int exit, String output) {
    }

    private OfflineVerifier() {
    }

    static Verdict run(Path export, Path key) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, System.getProperty("custodian.it.verifier"), export.toString(),
                key.toString()).redirectErrorStream(true).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the verifier finished");
        return new Verdict(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    }

    /** The dev key the IT server signs checkpoints with (server-config/src/test/dev-keys). */
    static Path devKey() {
        return Path.of(System.getProperty("custodian.it.devkeys"), "audit-verify-key.pem");
    }
}
