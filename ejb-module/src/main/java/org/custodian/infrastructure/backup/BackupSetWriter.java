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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * Writes a backup set into a hidden working directory ({@code .partial-NAME}) next to where it will live, and
 * publishes it by one atomic rename once every file, the checksums and the signature are forced to disk (all at
 * the end, side by side). Nothing
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
    /** How many files are forced to disk at once when the set is published. */
    private static final int FORCING_THREADS = 8;

    private final List<BackupFile> files = new ArrayList<>();
    /** Files opened and not finished yet: closed unfinished if the set is abandoned. */
    private final List<SharedFile> open = new ArrayList<>();
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
        SharedFile file = shared(name, table, contentKind, 1);
        file.writePart(content);
        return file.written();
    }

    /**
     * Opens {@code data/NAME.gpg} for a number of parts that may be written from several threads at once (the
     * ranges of one large table, each read on a connection of its own); the file is finished when the last part
     * is. Rows from different parts interleave in the file, in whole rows.
     */
    public SharedFile shared(String name, String table, String contentKind, int parts) throws IOException {
        SharedFile file = new SharedFile("data/" + name + ".gpg", name, table, contentKind, parts);
        synchronized (open) {
            open.add(file);
        }
        return file;
    }

    /** One encrypted file being written: its parts append whole rows in batches, one batch at a time. */
    public final class SharedFile {

        private final String path;
        private final String table;
        private final String contentKind;
        private final Path file;
        private final OutputStream raw;
        private final DigestingOutputStream stored;
        private final DigestingOutputStream plain;
        private int remaining;
        private long rows;
        private boolean closed;
        private BackupFile written;

        private SharedFile(String path, String name, String table, String contentKind, int parts)
                throws IOException {
            this.path = path;
            this.table = table;
            this.contentKind = contentKind;
            this.remaining = parts;
            this.file = working.resolve(path);
            this.raw = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
            try {
                stored = new DigestingOutputStream(new BufferedOutputStream(raw, 1 << 16));
                plain = new DigestingOutputStream(envelope.encrypt(stored, name, modified, compressors, threads));
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
            }
        }

        /** Writes one part (what content writes); returns its rows. A failed part leaves the file unfinished. */
        public long writePart(Content content) throws IOException, SQLException {
            boolean done = false;
            try {
                RowBatches batches = new RowBatches(this);
                long partRows = content.writeTo(batches);
                batches.flushBatch();
                finishPart(partRows);
                done = true;
                return partRows;
            } finally {
                if (!done) {
                    abandon();
                }
            }
        }

        /** The finished file; only once every part was written. */
        public synchronized BackupFile written() {
            if (written == null) {
                throw new IllegalStateException(path + ": parts are still being written");
            }
            return written;
        }

        private synchronized void append(byte[] bytes, int length) throws IOException {
            if (closed) {
                throw new IOException(path + ": no longer written (another part of it failed)");
            }
            plain.write(bytes, 0, length);
        }

        private synchronized void finishPart(long partRows) throws IOException {
            if (closed) {
                throw new IOException(path + ": no longer written (another part of it failed)");
            }
            rows += partRows;
            if (--remaining > 0) {
                return;
            }
            closed = true;
            plain.close(); // ends the OpenPGP message and closes the file (forced to disk at publish)
            written = new BackupFile(path, table, contentKind, rows, stored.count(), stored.sha256(), plain.count(),
                    plain.sha256());
            synchronized (files) {
                files.add(written);
            }
            synchronized (open) {
                open.remove(this);
            }
        }

        /** Closes the file unfinished (a part failed, or the set is abandoned): the working directory goes anyway. */
        private synchronized void abandon() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                raw.close();
            } catch (IOException e) {
                // the working directory is deleted next; nothing of this file is kept
            }
        }
    }

    /**
     * Collects what one part writes and hands it to its file in batches of whole rows: COPY TO STDOUT sends every
     * row as one CopyData message and the driver passes each to one write(), so a batch cut between writes (and
     * after a line end, for safety) never splits a row between parts.
     */
    private static final class RowBatches extends OutputStream {

        private static final int BATCH = 1 << 18;

        private final SharedFile file;
        private byte[] batch = new byte[BATCH];
        private int filled;

        RowBatches(SharedFile file) {
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (filled + length > batch.length) {
                if (filled > 0 && batch[filled - 1] == '\n') {
                    flushBatch();
                }
                if (filled + length > batch.length) {
                    batch = Arrays.copyOf(batch, Math.max(batch.length * 2, filled + length));
                }
            }
            System.arraycopy(bytes, offset, batch, filled, length);
            filled += length;
        }

        void flushBatch() throws IOException {
            if (filled > 0) {
                file.append(batch, filled);
                filled = 0;
            }
        }
    }

    /** Writes a plain file at the top of the set (manifest, signature, checksum lists). */
    public void plain(String name, byte[] bytes) throws IOException {
        Files.write(working.resolve(name), bytes, StandardOpenOption.CREATE_NEW);
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
        forceAll(working);
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
            List<SharedFile> unfinished;
            synchronized (open) {
                unfinished = List.copyOf(open);
            }
            unfinished.forEach(SharedFile::abandon);
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

    /**
     * Forces every file of the set to disk, many at once: one fsync after another cost 20 to 160 ms each on a busy
     * disk (a journal commit each), some 80 of them per set, more than all the rest of an export; fsyncs that run
     * side by side share their commits. The files are complete and closed by now; nothing is published before.
     */
    private void forceAll(Path directory) throws IOException {
        Queue<Path> queue;
        try (Stream<Path> paths = Files.walk(directory)) {
            queue = new ConcurrentLinkedQueue<>(paths.filter(Files::isRegularFile).toList());
        }
        SideBySide.<IOException>run(Math.min(FORCING_THREADS, queue.size()), compressors, () -> {
            Path next;
            while ((next = queue.poll()) != null) {
                force(next);
            }
        });
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
