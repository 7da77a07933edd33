package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.custodian.it.Api.Reply;

/**
 * Backups and restores through the API, each waited for: what BackupIT checks, and what the privacy and retention
 * tests lean on.
 */
final class Backups {

    private Backups() {
    }

    /** Requests a backup and waits for its job; returns the catalog entry it wrote. */
    static JsonObject backup(Api api, String operator, String type, String reason, String target)
            throws Exception {
        JsonObjectBuilder body = Json.createObjectBuilder().add("type", type).add("reason", reason);
        if (target != null) {
            body.add("target", target);
        }
        Reply started = api.post("api/v1/backups", operator, body.build().toString());
        assertEquals(202, started.status(), started.toString());
        long execution = started.json().getJsonNumber("executionId").longValue();
        JsonObject ended = api.awaitJob(operator, execution);
        Reply catalog = api.get("api/v1/backups", operator);
        assertEquals(200, catalog.status(), catalog.toString());
        for (JsonValue entry : catalog.array()) {
            if (entry.asJsonObject().getJsonNumber("jobExecutionId").longValue() == execution) {
                return entry.asJsonObject();
            }
        }
        throw new AssertionError("no catalog entry for execution " + execution + ": " + ended);
    }

    /** Starts a restore and waits for it; returns its report (the newest one). */
    static JsonObject restore(Api api, String operator, String body) throws Exception {
        Reply started = api.post("api/v1/backups/restores", operator, body);
        assertEquals(202, started.status(), started.toString());
        JsonObject execution = api.awaitJob(operator, started.json().getJsonNumber("executionId").longValue());
        assertEquals("COMPLETED", execution.getString("status"), execution.toString());
        Reply reports = api.get("api/v1/backups/drills", operator);
        assertEquals(200, reports.status(), reports.toString());
        JsonObject newest = reports.array().getJsonObject(0);
        assertEquals(started.json().getJsonNumber("executionId").longValue(),
                newest.getJsonNumber("jobExecutionId").longValue(), newest.toString());
        return newest;
    }

    static Path primary() {
        return Path.of(System.getProperty("custodian.it.workdir"), "backups", "primary");
    }

    /** A GnuPG home holding the development recipient's secret key and the signing key's public half. */
    static Path gnupgHome() throws Exception {
        Path home = Files.createTempDirectory("custodian-gnupg");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Path keys = Path.of(System.getProperty("custodian.it.devkeys"));
        run(home, home, "gpg", "--batch", "--import", keys.resolve("backup-recipient-secret.asc").toString());
        run(home, home, "gpg", "--batch", "--import", keys.resolve("backup-signing-public.asc").toString());
        return home;
    }

    static void decryptAll(Path set, Path gnupg) throws Exception {
        try (Stream<Path> files = Files.list(set.resolve("data"))) {
            for (Path encrypted : files.filter(p -> p.toString().endsWith(".gpg")).toList()) {
                String plain = encrypted.toString().substring(0, encrypted.toString().length() - 4);
                run(set, gnupg, "gpg", "--batch", "--yes", "--decrypt", "--output", plain, encrypted.toString());
            }
        }
    }

    /** Runs a standard tool as an operator would; a non-zero exit fails the test with its output. */
    static String run(Path directory, Path gnupg, String... command) throws Exception {
        Process process = start(directory, gnupg, command);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    /** Runs a standard tool and returns its exit code (for what must fail). */
    static int exitCode(Path directory, Path gnupg, String... command) throws Exception {
        Process process = start(directory, gnupg, command);
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        return process.exitValue();
    }

    private static Process start(Path directory, Path gnupg, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("GNUPGHOME", gnupg.toString());
        return builder.start();
    }

    static JsonObject manifest(Path set) throws IOException {
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(set.resolve("manifest.json"))))) {
            return reader.readObject();
        }
    }

    static long fileRows(JsonObject manifest, String path) {
        JsonArray files = manifest.getJsonArray("files");
        for (JsonValue file : files) {
            if (file.asJsonObject().getString("path").equals(path)) {
                return file.asJsonObject().getJsonNumber("rows").longValue();
            }
        }
        throw new AssertionError(path + " not in manifest");
    }

    /** First column of a COPY csv with header (ids: never quoted, never multi-line). */
    static List<String> csvFirstColumn(Path csv) throws IOException {
        List<String> values = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.indexOf(',');
            String first = comma < 0 ? line : line.substring(0, comma);
            if (first.matches("[0-9]+")) {
                values.add(first);
            }
        }
        return values;
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }
}
