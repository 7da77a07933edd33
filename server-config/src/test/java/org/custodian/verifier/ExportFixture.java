package org.custodian.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.custodian.application.audit.proof.AuditExportWriter;
import org.custodian.domain.model.audit.AuditCheckpoint;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.audit.AuditRecord;
import org.custodian.domain.model.audit.MerkleFrontier;

/**
 * Exports made by the server's own writer ({@link AuditExportWriter}) over a trail built in memory and signed with
 * keys made here, and the shipped verifier (compiled once from server-config/src/main/verifier) run on them.
 */
final class ExportFixture {

    static final Path VERIFIER = Path.of("src/main/verifier/VerifyAuditExport.java");
    static final Path CASES = Path.of("target/verifier-cases");
    static final Instant T0 = Instant.parse("2026-11-23T11:52:36.120Z");
    private static final HexFormat HEX = HexFormat.of();
    private static Method run;

    private ExportFixture() {
    }

    /** A signing key, its PEM file and its key id as docs/audit-format.md defines it. */
    record Key(KeyPair pair, String id, String algorithm, Path pem) {

        static Key ed25519(String name) throws Exception {
            return of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), "Ed25519", name);
        }

        static Key p256(String name) throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return of(generator.generateKeyPair(), "ES256", name);
        }

        private static Key of(KeyPair pair, String algorithm, String name) throws Exception {
            byte[] spki = pair.getPublic().getEncoded();
            String id = HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(spki)).substring(0, 16);
            Files.createDirectories(CASES.resolve("keys"));
            Path pem = Files.writeString(CASES.resolve("keys").resolve(name + ".pem"), "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(spki) + "\n-----END PUBLIC KEY-----\n");
            return new Key(pair, id, algorithm, pem);
        }

        String sign(byte[] statement) {
            try {
                Signature signature = Signature.getInstance("ES256".equals(algorithm) ? "SHA256withECDSA" : "Ed25519");
                signature.initSign(pair.getPrivate());
                signature.update(statement);
                return Base64.getEncoder().encodeToString(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Events 1..n as the server chains them; the texts exercise the canonical escaping and nulls. */
    static List<AuditEvent> trail(int n) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            events.add(next(events, record(i, i == 3 ? "a?b" : "agent-" + i)));
        }
        return events;
    }

    static AuditRecord record(int i, String actor) {
        return new AuditRecord(actor, "AGENT", "TICKET_READ", i == 6 ? null : "TICKET", "T-" + i,
                i == 5 ? "{\"q\":\"x\\\\y\u0001\u00e9\ud83d\ude00/\"}" : null, AuditOutcome.SUCCESS, "req-" + i,
                "10.0.0." + i);
    }

    static AuditEvent next(List<AuditEvent> before, AuditRecord record) {
        String previous = before.isEmpty() ? AuditEvent.GENESIS_HASH : before.get(before.size() - 1).getHash();
        return new AuditEvent(before.size() + 1, T0.plusSeconds(before.size()), record, previous);
    }

    static MerkleFrontier edge(List<AuditEvent> trail, long size) {
        MerkleFrontier frontier = new MerkleFrontier();
        for (int i = 0; i < size; i++) {
            frontier.append(trail.get(i).digests().leaf());
        }
        return frontier;
    }

    static AuditCheckpoint checkpoint(List<AuditEvent> trail, long size, Key key) {
        String root = HEX.formatHex(edge(trail, size).root());
        String chain = trail.get((int) size - 1).getHash();
        Instant time = T0.plusSeconds(60 + size);
        return new AuditCheckpoint(size, root, chain, time, key.algorithm(), key.id(),
                key.sign(AuditCheckpoint.signedBytes(size, root, chain, time)));
    }

    /** The export of {@code from..to} with the checkpoints at the given sizes (signed by their keys), sealed or not. */
    static List<String> export(List<AuditEvent> trail, long from, long to, Map<Long, Key> checkpoints, Key seal) {
        List<String> lines = new ArrayList<>();
        String previous = from == 1 ? AuditEvent.GENESIS_HASH : trail.get((int) from - 2).getHash();
        AuditExportWriter writer = new AuditExportWriter(from, to, edge(trail, from - 1), previous,
                T0.plusSeconds(3600), lines::add);
        for (long sequence = from; sequence <= to; sequence++) {
            writer.event(trail.get((int) sequence - 1));
        }
        new TreeMap<>(checkpoints).forEach((size, key) -> {
            if (size >= from && size <= to) {
                writer.checkpoint(checkpoint(trail, size, key));
            }
        });
        if (seal != null) {
            writer.seal(seal.id(), seal::sign);
        }
        return lines;
    }

    record Verdict(int exit, String output) {

        Verdict assertExit(int expected, String start) {
            assertEquals(expected, exit, output);
            assertTrue(output.startsWith(start), "starts with \"" + start + "\": " + output);
            return this;
        }
    }

    /** The lines as a file (each ending in LF), kept in target/verifier-cases/{name}.jsonl. */
    static Path file(String name, List<String> lines) throws Exception {
        return raw(name, String.join("\n", lines) + "\n");
    }

    static Path raw(String name, String content) throws Exception {
        Files.createDirectories(CASES);
        return Files.writeString(CASES.resolve(name + ".jsonl"), content, StandardCharsets.UTF_8);
    }

    /** The verifier's verdict, in this JVM (compiled once): what `java VerifyAuditExport.java args` prints. */
    static Verdict verify(Path export, Object... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of(export.toString()));
        for (Object key : keys) {
            args.add(key instanceof Key k ? k.pem().toString() : key.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = (int) runMethod().invoke(null, new PrintStream(out, true, StandardCharsets.UTF_8),
                args.toArray(String[]::new));
        return new Verdict(exit, out.toString(StandardCharsets.UTF_8).trim());
    }

    /** The same, as an auditor runs it: a separate `java` on the source file. */
    static Verdict verifyAsProcess(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), VERIFIER.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the verifier finished");
        return new Verdict(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    }

    private static synchronized Method runMethod() throws Exception {
        if (run == null) {
            Path classes = Files.createDirectories(Path.of("target/verifier-classes"));
            int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                    VERIFIER.toString());
            assertEquals(0, compiled, "the verifier compiles");
            URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
            run = loader.loadClass("VerifyAuditExport").getDeclaredMethod("run", PrintStream.class, String[].class);
            run.setAccessible(true);
        }
        return run;
    }
}
