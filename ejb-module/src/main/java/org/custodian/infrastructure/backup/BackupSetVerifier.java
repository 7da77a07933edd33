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
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Checks a backup set on disk against its signed manifest, without the decryption key: the catalog's hash and the
 * signature of the manifest, the signed checksum lists, every file's size and SHA-256, and that no file was added.
 * With a decryption key it also decrypts every data file (the OpenPGP integrity check included) and compares the
 * plaintext's hash. Every problem names the file it is in.
 * <p>
 * Each file is read once. {@link #stage} copies what it reads into a private directory on the way, so a restore
 * parses, decrypts and runs only the bytes that were checked: a file swapped in the set afterwards is never read.
 */
public final class BackupSetVerifier {

    /** The layout this version writes: the manifest and both checksum lists carry detached signatures. */
    public static final String FORMAT = "custodian-backup-set/2";

    /** The first layout: only the manifest was signed (its checksum lists were not). */
    public static final String FORMAT_1 = "custodian-backup-set/1";

    /** The top of a set: manifest, checksum lists and their detached signatures. */
    static final List<String> SIGNED_FILES = List.of("manifest.json", "manifest.json.asc", "SHA256SUMS",
            "SHA256SUMS.asc", "SHA256SUMS.decrypted", "SHA256SUMS.decrypted.asc");

    /** What a check found; ok when problems is empty. */
    public record Report(boolean ok, boolean decrypted, int filesChecked, List<String> problems) {

        public String summary() {
            return ok ? "OK files=" + filesChecked + (decrypted ? " decrypted" : "")
                    : "BROKEN " + String.join("; ", problems);
        }
    }

    /** A set copied into a private directory while it was checked; manifest is null unless its signature held. */
    public record Staged(Report report, Path directory, JsonObject manifest) { }

    private final OpenPgpVerifier signature;
    private final Optional<OpenPgpDecryptor> decryptor;
    private final Executor executor;
    private final boolean acceptFormat1;

    /** executor runs the per-file checks (the server's managed executor; a direct executor checks one by one). */
    public BackupSetVerifier(OpenPgpVerifier signature, Optional<OpenPgpDecryptor> decryptor, Executor executor) {
        this(signature, decryptor, executor, false);
    }

    /**
     * acceptFormat1: also accept sets of {@link #FORMAT_1}, whose checksum lists are unsigned; they are still
     * checked against their signed manifest, but the operator's {@code gpg --verify SHA256SUMS.asc} cannot be done.
     */
    public BackupSetVerifier(OpenPgpVerifier signature, Optional<OpenPgpDecryptor> decryptor, Executor executor,
            boolean acceptFormat1) {
        this.signature = signature;
        this.decryptor = decryptor;
        this.executor = executor;
        this.acceptFormat1 = acceptFormat1;
    }

    /**
     * expectedManifestSha256: the manifest's hash as the catalog recorded it when the set was written, which tells
     * a changed manifest apart from a changed signature.
     */
    public Report verify(Path set, String expectedManifestSha256) {
        return run(set, expectedManifestSha256, null).report();
    }

    /**
     * Checks the set while copying each file once into staging (created here, owner-only); use the staged copy,
     * never the set, once the report is ok. The caller removes staging, whatever the outcome.
     */
    public Staged stage(Path set, String expectedManifestSha256, Path staging) {
        try {
            StagingDirectory.createPrivate(staging);
            Files.createDirectories(staging.resolve("data"));
        } catch (IOException e) {
            return new Staged(new Report(false, false, 0, List.of(staging + ": cannot create the staging directory ("
                    + e.getMessage() + ")")), staging, null);
        }
        return run(set, expectedManifestSha256, staging);
    }

    private Staged run(Path set, String expectedManifestSha256, Path staging) {
        List<String> problems = new ArrayList<>();
        try {
            Outcome outcome = check(set, expectedManifestSha256, staging, problems);
            return new Staged(new Report(problems.isEmpty(), decryptor.isPresent(), outcome.filesChecked(),
                    List.copyOf(problems)), staging, outcome.manifest());
        } catch (RuntimeException e) {
            // valid JSON of the wrong shape (a field missing, a number where text belongs): the manifest is broken
            return new Staged(new Report(false, false, 0, List.of("manifest.json: not a Custodian manifest ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")")), staging, null);
        }
    }

    /** The signed manifest (null if its hash or signature failed) and how many of its files were there to check. */
    private record Outcome(JsonObject manifest, int filesChecked) {

        static final Outcome REFUSED = new Outcome(null, 0);
    }

    /** Adds the problems found; stops at the manifest if its hash or signature does not hold. */
    private Outcome check(Path set, String expectedManifestSha256, Path staging, List<String> problems) {
        if (!Files.isDirectory(set)) {
            problems.add(set.getFileName() + ": the set's directory is missing");
            return Outcome.REFUSED;
        }
        byte[] manifestBytes = read(set, "manifest.json", staging, problems);
        if (manifestBytes == null) {
            return Outcome.REFUSED;
        }
        String manifestHash = BackupSetWriter.sha256(manifestBytes);
        if (!manifestHash.equals(expectedManifestSha256)) {
            problems.add("manifest.json: changed since the set was written (SHA-256 " + manifestHash + ", recorded "
                    + expectedManifestSha256 + ")");
            return Outcome.REFUSED;
        }
        if (!signed(set, "manifest.json", manifestBytes, staging, problems)) {
            return Outcome.REFUSED;
        }
        // from here on only the signed manifest's bytes are parsed
        JsonObject manifest;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(manifestBytes))) {
            manifest = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            problems.add("manifest.json: not a JSON object (" + e.getMessage() + ")");
            return Outcome.REFUSED;
        }
        String format = manifest.getString("format", "");
        boolean listsSigned = FORMAT.equals(format);
        if (!listsSigned && !FORMAT_1.equals(format)) {
            problems.add("manifest.json: format '" + format + "' is not one this server reads (" + FORMAT + ", "
                    + FORMAT_1 + "); a newer Custodian wrote it?");
            return Outcome.REFUSED;
        }
        if (!listsSigned && !acceptFormat1) {
            problems.add("SHA256SUMS.asc: missing; the set is in the older format " + FORMAT_1 + ", whose checksum"
                    + " lists are not signed, and is refused (custodian.backup.accept-format-1=true accepts it,"
                    + " checked against its signed manifest alone)");
            return Outcome.REFUSED;
        }
        Set<String> expected = new TreeSet<>(listsSigned ? SIGNED_FILES : List.of("manifest.json",
                "manifest.json.asc", "SHA256SUMS", "SHA256SUMS.decrypted"));
        StringBuilder stored = new StringBuilder(expectedManifestSha256 + "  manifest.json\n");
        StringBuilder plain = new StringBuilder();
        // files are hashed (and decrypted) side by side; their problems are reported in manifest order
        List<Supplier<String>> tasks = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (JsonValue value : manifest.getJsonArray("files")) {
            JsonObject file = value.asJsonObject();
            String path = file.getString("path");
            expected.add(path);
            stored.append(file.getString("sha256")).append("  ").append(path).append('\n');
            plain.append(file.getString("plainSha256")).append("  ").append(file.getString("plainPath")).append('\n');
            Path onDisk = set.resolve(path).normalize();
            Path copy = staging == null ? null : staging.resolve(path).normalize();
            if (!onDisk.startsWith(set) || !path.startsWith("data/") || !Files.isRegularFile(onDisk)
                    || copy != null && !copy.startsWith(staging.resolve("data"))) {
                problems.add(path + ": missing");
                continue;
            }
            tasks.add(() -> checkFile(onDisk, copy, file));
            sizes.add(file.getJsonNumber("bytes").longValue());
        }
        // largest first: the one big table's file starts at once instead of queueing behind dozens of small ones
        // (each of which costs an RSA session-key unwrap), so the other threads work through those beside it
        List<CompletableFuture<String>> checks = new ArrayList<>(Collections.nCopies(tasks.size(), null));
        IntStream.range(0, tasks.size()).boxed().sorted(Comparator.comparing(sizes::get, Comparator.reverseOrder()))
                .forEach(i -> checks.set(i, CompletableFuture.supplyAsync(tasks.get(i), executor)));
        int checked = tasks.size();
        for (CompletableFuture<String> check : checks) {
            String problem = check.join();
            if (problem != null) {
                problems.add(problem);
            }
        }
        compareList(set, "SHA256SUMS", stored.toString(), listsSigned, staging, problems);
        compareList(set, "SHA256SUMS.decrypted", plain.toString(), listsSigned, staging, problems);
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
        return new Outcome(manifest, checked);
    }

    /** Reads a top-level file once (into staging too); null and a problem if it cannot be read. */
    private static byte[] read(Path set, String name, Path staging, List<String> problems) {
        try {
            byte[] bytes = Files.readAllBytes(set.resolve(name));
            if (staging != null) {
                Files.write(staging.resolve(name), bytes, StandardOpenOption.CREATE_NEW);
            }
            return bytes;
        } catch (IOException e) {
            problems.add(name + ": " + (Files.exists(set.resolve(name)) ? "cannot be read (" + e.getMessage()
                    + ")" : "missing"));
            return null;
        }
    }

    /** True if NAME.asc is a valid signature by the verification key over exactly these bytes of NAME. */
    private boolean signed(Path set, String name, byte[] bytes, Path staging, List<String> problems) {
        byte[] signatureBytes = read(set, name + ".asc", staging, problems);
        if (signatureBytes == null) {
            return false;
        }
        if (!signature.verifyDetached(bytes, signatureBytes)) {
            problems.add(name + ".asc: not a valid signature of " + name + " by key " + signature.fingerprint());
            return false;
        }
        return true;
    }

    /** The problem with one stored file, or null: size and hash, then (with a key) the decrypted content's hash. */
    private String checkFile(Path onDisk, Path copy, JsonObject file) {
        String path = file.getString("path");
        try {
            long size;
            String hash;
            // one read: what is hashed is what is staged
            try (InputStream in = Files.newInputStream(onDisk);
                    OutputStream out = copy == null ? OutputStream.nullOutputStream()
                            : Files.newOutputStream(copy, StandardOpenOption.CREATE_NEW);
                    DigestingOutputStream digest = new DigestingOutputStream(out)) {
                in.transferTo(digest);
                digest.flush();
                size = digest.count();
                hash = digest.sha256();
            }
            if (size != file.getJsonNumber("bytes").longValue() || !hash.equals(file.getString("sha256"))) {
                return path + ": SHA-256 " + hash + " (" + size + " bytes) differs from the manifest's "
                        + file.getString("sha256") + " (" + file.getJsonNumber("bytes").longValue() + " bytes)";
            }
            if (decryptor.isPresent()) {
                // only bytes whose hash the signed manifest vouches for are decrypted: the staged copy if any
                String plainHash = decryptedHash(copy == null ? onDisk : copy);
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

    /** The list must say what the signed manifest says and, from format 2 on, carry its own valid signature. */
    private void compareList(Path set, String name, String expected, boolean mustBeSigned, Path staging,
            List<String> problems) {
        byte[] actual = read(set, name, staging, problems);
        if (actual == null) {
            return;
        }
        if (!new String(actual, StandardCharsets.UTF_8).equals(expected)) {
            problems.add(name + ": does not match the manifest");
        }
        if (mustBeSigned) {
            signed(set, name, actual, staging, problems);
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
