package org.custodian.infrastructure.backup;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * Checks a backup set on disk against its signed manifest, without the decryption key: the signature, then every
 * file's size and SHA-256, the two checksum lists, and that no file was added. With a decryption key it also
 * decrypts every data file (the OpenPGP integrity check included) and compares the plaintext's hash. Every problem
 * names the file it is in.
 */
public final class BackupSetVerifier {

    /** What a check found; ok when problems is empty. */
    public record Report(boolean ok, boolean decrypted, int filesChecked, List<String> problems) {

        public String summary() {
            return ok ? "OK files=" + filesChecked + (decrypted ? " decrypted" : "")
                    : "BROKEN " + String.join("; ", problems);
        }
    }

    private final OpenPgpVerifier signature;
    private final Optional<OpenPgpDecryptor> decryptor;
    private final Executor executor;

    /** executor runs the per-file checks (the server's managed executor; a direct executor checks one by one). */
    public BackupSetVerifier(OpenPgpVerifier signature, Optional<OpenPgpDecryptor> decryptor, Executor executor) {
        this.signature = signature;
        this.decryptor = decryptor;
        this.executor = executor;
    }

    /**
     * expectedManifestSha256: the manifest's hash as the catalog recorded it when the set was written, which tells
     * a changed manifest apart from a changed signature.
     */
    public Report verify(Path set, String expectedManifestSha256) {
        try {
            return check(set, expectedManifestSha256);
        } catch (RuntimeException e) {
            // valid JSON of the wrong shape (a field missing, a number where text belongs): the manifest is broken
            return new Report(false, false, 0, List.of("manifest.json: not a Custodian manifest ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
        }
    }

    private Report check(Path set, String expectedManifestSha256) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(set)) {
            return new Report(false, false, 0, List.of(set.getFileName() + ": the set's directory is missing"));
        }
        byte[] manifestBytes;
        try {
            manifestBytes = Files.readAllBytes(set.resolve("manifest.json"));
        } catch (IOException e) {
            return new Report(false, false, 0, List.of("manifest.json: cannot be read (" + e.getMessage() + ")"));
        }
        String manifestHash = BackupSetWriter.sha256(manifestBytes);
        boolean manifestChanged = !manifestHash.equals(expectedManifestSha256);
        if (manifestChanged) {
            problems.add("manifest.json: changed since the set was written (SHA-256 " + manifestHash + ", recorded "
                    + expectedManifestSha256 + ")");
        }
        try {
            byte[] signatureBytes = Files.readAllBytes(set.resolve("manifest.json.asc"));
            if (!signature.verifyDetached(manifestBytes, signatureBytes) && !manifestChanged) {
                problems.add("manifest.json.asc: not a valid signature of manifest.json by key "
                        + signature.fingerprint());
            }
        } catch (IOException e) {
            problems.add("manifest.json.asc: cannot be read (" + e.getMessage() + ")");
        }
        JsonObject manifest;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(manifestBytes))) {
            manifest = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            problems.add("manifest.json: not a JSON object (" + e.getMessage() + ")");
            return new Report(false, false, 0, problems);
        }
        Set<String> expected = new TreeSet<>(Set.of("manifest.json", "manifest.json.asc", "SHA256SUMS",
                "SHA256SUMS.decrypted"));
        StringBuilder stored = new StringBuilder(expectedManifestSha256 + "  manifest.json\n");
        StringBuilder plain = new StringBuilder();
        int checked = 0;
        // files are hashed (and decrypted) side by side; their problems are reported in manifest order
        List<CompletableFuture<String>> checks = new ArrayList<>();
        for (JsonValue value : manifest.getJsonArray("files")) {
            JsonObject file = value.asJsonObject();
            String path = file.getString("path");
            expected.add(path);
            stored.append(file.getString("sha256")).append("  ").append(path).append('\n');
            plain.append(file.getString("plainSha256")).append("  ").append(file.getString("plainPath")).append('\n');
            Path onDisk = set.resolve(path).normalize();
            if (!onDisk.startsWith(set) || !Files.isRegularFile(onDisk)) {
                problems.add(path + ": missing");
                continue;
            }
            checked++;
            checks.add(CompletableFuture.supplyAsync(() -> checkFile(onDisk, file), executor));
        }
        for (CompletableFuture<String> check : checks) {
            String problem = check.join();
            if (problem != null) {
                problems.add(problem);
            }
        }
        compareList(set, "SHA256SUMS", stored.toString(), problems);
        compareList(set, "SHA256SUMS.decrypted", plain.toString(), problems);
        try (Stream<Path> files = Files.walk(set)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = set.relativize(file).toString().replace('\\', '/');
                if (!expected.contains(relative) && !isDecryptedCopy(relative, expected)) {
                    problems.add(relative + ": not part of the set (the manifest does not list it)");
                }
            }
        } catch (IOException e) {
            problems.add(set.getFileName() + ": cannot be listed (" + e.getMessage() + ")");
        }
        return new Report(problems.isEmpty(), decryptor.isPresent(), checked, List.copyOf(problems));
    }

    /** The problem with one stored file, or null: size and hash, then (with a key) the decrypted content's hash. */
    private String checkFile(Path onDisk, JsonObject file) {
        String path = file.getString("path");
        try {
            long size = Files.size(onDisk);
            String hash = BackupSetWriter.sha256(onDisk);
            if (size != file.getJsonNumber("bytes").longValue() || !hash.equals(file.getString("sha256"))) {
                return path + ": SHA-256 " + hash + " (" + size + " bytes) differs from the manifest's "
                        + file.getString("sha256") + " (" + file.getJsonNumber("bytes").longValue() + " bytes)";
            }
            if (decryptor.isPresent()) {
                String plainHash = decryptedHash(onDisk);
                if (!plainHash.equals(file.getString("plainSha256"))) {
                    return path + ": decrypts to content with SHA-256 " + plainHash + ", the manifest says "
                            + file.getString("plainSha256");
                }
            }
            return null;
        } catch (IOException e) {
            return path + ": " + (decryptor.isPresent() ? "cannot be read or decrypted" : "cannot be read") + " ("
                    + e.getMessage() + ")";
        }
    }

    /** An operator's own gpg output next to the encrypted file (data/x.csv beside data/x.csv.gpg) is tolerated. */
    private static boolean isDecryptedCopy(String relative, Set<String> expected) {
        return expected.contains(relative + ".gpg");
    }

    private static void compareList(Path set, String name, String expected, List<String> problems) {
        try {
            String actual = Files.readString(set.resolve(name), StandardCharsets.UTF_8);
            if (!actual.equals(expected)) {
                problems.add(name + ": does not match the manifest");
            }
        } catch (IOException e) {
            problems.add(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private String decryptedHash(Path encrypted) throws IOException {
        try (InputStream in = Files.newInputStream(encrypted);
                InputStream plain = decryptor.orElseThrow().decrypt(in)) {
            DigestingOutputStream digest = new DigestingOutputStream(OutputStream.nullOutputStream());
            plain.transferTo(digest);
            return digest.sha256();
        }
    }
}
