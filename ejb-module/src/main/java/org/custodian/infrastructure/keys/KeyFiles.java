package org.custodian.infrastructure.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The installation's generated keys as files under {@code <data dir>/keys}: the directory is the owner's only
 * (0700), every file too (0600). A key group is generated once, under a file lock so that two processes sharing the
 * directory cannot each make their own, and written before it is used, so a crash cannot leave a key in use that
 * is not on disk.
 */
final class KeyFiles {

    private static final Logger LOG = Logger.getLogger(KeyFiles.class.getName());
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path directory;

    KeyFiles(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /**
     * The files of one key group, generated when the first of them is missing. The generator returns the contents
     * by file name.
     */
    synchronized Map<String, String> group(List<String> names, Supplier<Map<String, String>> generator) {
        if (names.stream().allMatch(name -> Files.isRegularFile(directory.resolve(name)))) {
            return read(names);
        }
        try {
            createDirectory(directory);
            try (FileChannel channel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                if (names.stream().noneMatch(name -> Files.exists(directory.resolve(name)))) {
                    Map<String, String> generated = generator.get();
                    for (String name : names) {
                        write(directory.resolve(name), generated.get(name));
                    }
                    LOG.warning(() -> "Generated this installation's " + String.join(", ", names) + " in " + directory
                            + ". Keep a copy of " + directory + " in a safe place: without it, what these keys"
                            + " signed or sealed cannot be verified or opened.");
                } else if (!names.stream().allMatch(name -> Files.isRegularFile(directory.resolve(name)))) {
                    throw new IllegalStateException("some of " + names + " are missing in " + directory + ": restore"
                            + " them from your copy of the directory (a half key pair is never replaced silently)");
                }
                return read(names);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the installation keys in " + directory + " ("
                    + e.getMessage() + "); set CUSTODIAN_DATA_DIR to a directory this server may write", e);
        }
    }

    /** The texts of the files in a sub-directory (previous keys after a rotation), by name. */
    List<String> retired(String subdirectory) {
        Path folder = directory.resolve(subdirectory);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                texts.add(Files.readString(file, StandardCharsets.US_ASCII));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> read(List<String> names) {
        Map<String, String> contents = new LinkedHashMap<>();
        for (String name : names) {
            Path file = directory.resolve(name);
            try {
                warnIfShared(file);
                contents.put(name, Files.readString(file, StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the key file " + file + ": " + e.getMessage(), e);
            }
        }
        return contents;
    }

    private static void write(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        if (posix()) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        }
        Files.writeString(temporary, content, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void createDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory.getParent());
        if (posix()) {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
        } else {
            Files.createDirectory(directory);
        }
    }

    private static void warnIfShared(Path file) throws IOException {
        if (posix()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_FILE.containsAll(permissions)) {
                LOG.warning(() -> file + " can be read by others than its owner (" + PosixFilePermissions
                        .toString(permissions) + "); chmod 600 it");
            }
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
