package org.custodian.infrastructure.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing, abandonment and verification of a set on disk, with the development OpenPGP keys. */
class BackupSetWriterTest {

    private static final Path KEYS = Path.of("../server-config/src/test/dev-keys");
    private static final Instant NOW = Instant.parse("2026-11-23T02:30:00Z");

    @TempDir
    Path target;

    @Test
    void aSetAppearsUnderItsNameOnlyWhenPublished() throws Exception {
        try (BackupSetWriter writer = new BackupSetWriter(target, "set-1", envelope(), NOW)) {
            BackupFile file = writer.encrypted("ticket.csv", "ticket", "rows", out -> {
                out.write("id,subject\n1,Printer\n".getBytes(StandardCharsets.UTF_8));
                return 1;
            });
            assertEquals("data/ticket.csv.gpg", file.path());
            assertEquals(1, file.rows());
            assertFalse(Files.exists(target.resolve("set-1")), "not visible before publishing");
            assertTrue(Files.exists(target.resolve(".partial-set-1/data/ticket.csv.gpg")));
            writer.publish();
        }
        assertTrue(Files.isRegularFile(target.resolve("set-1/data/ticket.csv.gpg")));
        assertFalse(Files.exists(target.resolve(".partial-set-1")));
    }

    @Test
    void anExportThatFailsLeavesNothingThatLooksLikeASet() throws Exception {
        IOException failure = assertThrows(IOException.class, () -> {
            try (BackupSetWriter writer = new BackupSetWriter(target, "set-2", envelope(), NOW)) {
                writer.encrypted("ticket.csv", "ticket", "rows", out -> {
                    out.write("id,subject\n".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("database connection lost");
                });
            }
        });
        assertEquals("database connection lost", failure.getMessage());
        try (var left = Files.list(target)) {
            assertEquals(List.of(), left.toList(), "neither the set nor its working directory is left");
        }
    }

    @Test
    void aSetIsNeverWrittenOverAnExistingOne() throws Exception {
        Files.createDirectories(target.resolve("set-3"));
        assertThrows(FileAlreadyExistsException.class,
                () -> new BackupSetWriter(target, "set-3", envelope(), NOW));
    }

    private static OpenPgpEnvelope envelope() throws IOException {
        return OpenPgpEnvelope.forRecipients(Files.readString(KEYS.resolve("backup-recipient-public.asc")));
    }
}
