package org.custodian.infrastructure.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * Writes a backup set into a hidden working directory ({@code .partial-NAME}) next to where it will live, and
 * publishes it by one atomic rename once every file, the checksums and the signature are forced to disk. Nothing
 * under the final name ever exists half-written, so a killed export leaves no set that looks complete.
 */
public final class BackupSetWriter implements AutoCloseable {

    /** What writes one file's plaintext (a COPY out of the snapshot); returns the number of rows it wrote. */
    @FunctionalInterface
    public interface Content {
        long writeTo(OutputStream out) throws IOException, SQLException;
    }

    private final Path targetDirectory;
    private final String setName;
    private final Path working;
    private final OpenPgpEnvelope envelope;
    private final Instant modified;
    private final Executor compressors;
    private final int threads;
    private final List<BackupFile> files = new ArrayList<>();
    private boolean published;

    public BackupSetWriter(Path targetDirectory, String setName, OpenPgpEnvelope envelope, Instant modified)
            throws IOException {
        this(targetDirectory, setName, envelope, modified, Runnable::run, 1);
    }

    /** compressors, threads: where and on how many threads at most each file's Deflate step runs. */
    public BackupSetWriter(Path targetDirectory, String setName, OpenPgpEnvelope envelope, Instant modified,
            Executor compressors, int threads) throws IOException {
        this.compressors = compressors;
        this.threads = threads;
        this.targetDirectory = targetDirectory;
        this.setName = setName;
        this.envelope = envelope;
        this.modified = modified;
        Files.createDirectories(targetDirectory);
        if (Files.exists(targetDirectory.resolve(setName))) {
            throw new FileAlreadyExistsException(targetDirectory.resolve(setName).toString());
        }
        this.working = targetDirectory.resolve(partialName(setName));
        deleteTree(working);
        Files.createDirectories(working.resolve("data"));
    }

    /** Where a set of that name is written before it is published. */
    public static String partialName(String setName) {
        return ".partial-" + setName;
    }

    /**
     * Encrypts what content writes into {@code data/NAME.gpg}, hashing plaintext and ciphertext on the way. Several
     * threads may write files at once; they are listed in the order they were finished until {@link #arrange}.
     */
    public BackupFile encrypted(String name, String table, String contentKind, Content content)
            throws IOException, SQLException {
        String path = "data/" + name + ".gpg";
        Path file = working.resolve(path);
        long rows;
        DigestingOutputStream stored;
        DigestingOutputStream plain;
        try (OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            stored = new DigestingOutputStream(new BufferedOutputStream(raw, 1 << 16));
            OutputStream encrypting = envelope.encrypt(stored, name, modified, compressors, threads);
            plain = new DigestingOutputStream(encrypting);
            // COPY hands over one small array per row: batch them before hashing, compressing and encrypting
            try (OutputStream closing = new BufferedOutputStream(plain, 1 << 16)) {
                rows = content.writeTo(closing);
            }
        }
        force(file);
        BackupFile written = new BackupFile(path, table, contentKind, rows, stored.count(), stored.sha256(),
                plain.count(), plain.sha256());
        synchronized (files) {
            files.add(written);
        }
        return written;
    }

    /** Writes a plain file at the top of the set (manifest, signature, checksum lists). */
    public void plain(String name, byte[] bytes) throws IOException {
        Path file = working.resolve(name);
        Files.write(file, bytes, StandardOpenOption.CREATE_NEW);
        force(file);
    }

    /**
     * Writes the signed top of the set: the manifest and its detached signature, then the two checksum lists
     * ({@code sha256sum -c} input) with a detached signature each, so that {@code gpg --verify SHA256SUMS.asc
     * SHA256SUMS && sha256sum -c SHA256SUMS} alone proves every stored file is the server's.
     */
    public void seal(byte[] manifest, OpenPgpSigner signer) throws IOException {
        plain("manifest.json", manifest);
        plain("manifest.json.asc", signer.signDetached(manifest));
        List<String[]> stored = new ArrayList<>();
        stored.add(new String[] {sha256(manifest), "manifest.json"});
        List<String[]> decrypted = new ArrayList<>();
        for (BackupFile file : files()) {
            stored.add(new String[] {file.sha256(), file.path()});
            decrypted.add(new String[] {file.plainSha256(), file.plainPath()});
        }
        byte[] storedList = checksumList(stored);
        byte[] decryptedList = checksumList(decrypted);
        plain("SHA256SUMS", storedList);
        plain("SHA256SUMS.asc", signer.signDetached(storedList));
        plain("SHA256SUMS.decrypted", decryptedList);
        plain("SHA256SUMS.decrypted.asc", signer.signDetached(decryptedList));
    }

    public List<BackupFile> files() {
        synchronized (files) {
            return List.copyOf(files);
        }
    }

    /** Puts the files into the order a restore loads them (the manifest's and the checksum lists' order). */
    public void arrange(Comparator<BackupFile> loadOrder) {
        synchronized (files) {
            files.sort(loadOrder);
        }
    }

    /** {@code sha256sum -c} input: hash, two spaces, path. */
    public static byte[] checksumList(List<String[]> hashAndPath) {
        StringBuilder text = new StringBuilder();
        for (String[] entry : hashAndPath) {
            text.append(entry[0]).append("  ").append(entry[1]).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Makes the set visible under its final name; returns its directory. */
    public Path publish() throws IOException {
        force(working.resolve("data"));
        force(working);
        Path finalDirectory = targetDirectory.resolve(setName);
        try {
            Files.move(working, finalDirectory, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the backup target " + targetDirectory + " cannot rename atomically; use a local"
                    + " file system for it", e);
        }
        force(targetDirectory);
        published = true;
        return finalDirectory;
    }

    /** Removes the working directory of a set that was not published. */
    @Override
    public void close() throws IOException {
        if (!published) {
            deleteTree(working);
        }
    }

    /** SHA-256 of bytes in memory (the manifest). */
    public static String sha256(byte[] bytes) {
        DigestingOutputStream digest = new DigestingOutputStream(OutputStream.nullOutputStream());
        try {
            digest.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("a null stream does not fail", e);
        }
        return digest.sha256();
    }

    /** SHA-256 of a file, streamed. */
    public static String sha256(Path file) throws IOException {
        DigestingOutputStream digest = new DigestingOutputStream(OutputStream.nullOutputStream());
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(digest);
        }
        return digest.sha256();
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** fsync: a published set must survive a power cut, not just a killed process. */
    private static void force(Path path) throws IOException {
        boolean directory = Files.isDirectory(path);
        try (FileChannel channel = directory ? FileChannel.open(path, StandardOpenOption.READ)
                : FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
