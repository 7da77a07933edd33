package org.custodian.infrastructure.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.custodian.domain.model.attachment.StoredContentCheck;
import org.custodian.infrastructure.attachment.AttachmentChunkCheck;
import org.custodian.infrastructure.attachment.AttachmentCipher;
import org.custodian.infrastructure.migration.DatabaseMigrator;
import org.custodian.infrastructure.persistence.JpaRetentionRepository;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Attachments through the governance paths (#24) on a real PostgreSQL, through the application's migrations: V97
 * records what the chunks of attachments stored before it add up to; the integrity check finds an altered, a missing
 * and a lost last chunk and names the attachment; a restore's check compares with the manifest; a purge removes a
 * ticket's attachments and counts them; the tickets whose files an erasure would shred are found by key.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttachmentGovernanceOnPostgresTest {

    private static final char[] KEY = "a-data-key-passphrase".toCharArray();

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    /** id -> ciphertext as stored in 100-byte chunks. */
    private static final Map<Long, byte[]> STORED = new java.util.TreeMap<>();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        // up to V96, attachments as the application wrote them before #24's governance slice; then V97
        Flyway flyway = DatabaseMigrator.flyway(dataSource);
        Flyway.configure(DatabaseMigrator.class.getClassLoader()).configuration(flyway.getConfiguration())
                .target("96").load().migrate();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("insert into customer (id, name, email, region, created_at) values"
                    + " (1, 'Ann', 'ann@example.org', 'EU', current_timestamp),"
                    + " (2, 'Ben', 'ben@example.org', 'EU', current_timestamp)");
            statement.execute("insert into ticket (id, subject, description, status, priority, category, region,"
                    + " customer_id, created_at, updated_at, subject_masked, description_masked) values"
                    + " (10, 's', 'd', 'OPEN', 'NORMAL', 'BILLING', 'EU', 1, current_timestamp, current_timestamp,"
                    + " 's', 'd'), (11, 's', 'd', 'OPEN', 'NORMAL', 'BILLING', 'EU', 1, current_timestamp,"
                    + " current_timestamp, 's', 'd'), (12, 's', 'd', 'OPEN', 'NORMAL', 'BILLING', 'EU', 2,"
                    + " current_timestamp, current_timestamp, 's', 'd')");
            store(connection, 100, 10, 1, 300);
            store(connection, 101, 10, 1, 500);
            // a file of customer 2 on a ticket of customer 1: their key encrypts it wherever the ticket is now
            store(connection, 102, 11, 2, 400);
            store(connection, 103, 12, 2, 250);
        }
        flyway.migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static void store(Connection connection, long id, long ticketId, long customerId, int plainBytes)
            throws Exception {
        byte[] plain = new byte[plainBytes];
        Arrays.fill(plain, (byte) ('a' + id % 26));
        ByteArrayOutputStream cipher = new ByteArrayOutputStream();
        try (OutputStream out = AttachmentCipher.encrypting(cipher, KEY, "f" + id)) {
            out.write(plain);
        }
        byte[] message = cipher.toByteArray();
        STORED.put(id, message);
        try (PreparedStatement insert = connection.prepareStatement("insert into attachment (id, ticket_id,"
                + " customer_id, filename, declared_type, content_type, size_bytes, content_sha256, source_kind,"
                + " source_ref, created_at) values (?, ?, ?, ?, 'text/plain', 'text/plain', ?, ?, 'UPLOAD', 'test',"
                + " current_timestamp)")) {
            insert.setLong(1, id);
            insert.setLong(2, ticketId);
            insert.setLong(3, customerId);
            insert.setString(4, "f" + id + ".txt");
            insert.setLong(5, plainBytes);
            insert.setString(6, sha256(plain));
            insert.executeUpdate();
        }
        try (PreparedStatement chunk = connection.prepareStatement("insert into attachment_chunk (attachment_id,"
                + " seq, data) values (?, ?, ?)")) {
            for (int seq = 0; seq * 100 < message.length; seq++) {
                chunk.setLong(1, id);
                chunk.setInt(2, seq);
                chunk.setBytes(3, Arrays.copyOfRange(message, seq * 100, Math.min(message.length, seq * 100 + 100)));
                chunk.executeUpdate();
            }
        }
    }

    @Test
    @Order(1)
    void theMigrationRecordsTheHashAndChunksOfEveryStoredAttachment() throws Exception {
        for (Map.Entry<Long, byte[]> entry : STORED.entrySet()) {
            assertEquals(sha256(entry.getValue()) + " " + (entry.getValue().length + 99) / 100,
                    text("select cipher_sha256 || ' ' || chunk_count from attachment where id = "
                            + entry.getKey()));
        }
    }

    @Test
    @Order(2)
    void theCheckFindsAlteredMissingAndLostChunksAndNamesTheAttachment() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            StoredContentCheck intact = AttachmentChunkCheck.check(connection);
            assertTrue(intact.ok(), intact.toString());
            assertEquals(4, intact.attachments());
            try (Statement statement = connection.createStatement()) {
                // one byte of attachment 100's second chunk, the middle chunk of 101, the last chunk of 102
                statement.execute("update attachment_chunk set data = overlay(data placing '\\x00'::bytea from 5"
                        + " for 1) where attachment_id = 100 and seq = 1");
                statement.execute("delete from attachment_chunk where attachment_id = 101 and seq = 2");
                statement.execute("delete from attachment_chunk where attachment_id = 102 and seq = (select"
                        + " max(seq) from attachment_chunk where attachment_id = 102)");
            }
            StoredContentCheck broken = AttachmentChunkCheck.check(connection);
            assertEquals(3, broken.broken(), broken.toString());
            List<String> found = broken.findings().stream().map(Object::toString).toList();
            assertEquals("attachment 100 (ticket 10): its ciphertext does not match its recorded SHA-256 (a chunk"
                    + " was altered)", found.get(0));
            assertEquals("attachment 101 (ticket 10): chunk 2 is missing (the next stored chunk is 3)",
                    found.get(1));
            assertTrue(found.get(2).startsWith("attachment 102 (ticket 11): it has "), found.get(2));

            // a restore's check says the same, and compares with what the manifest recorded
            List<String> checks = new ArrayList<>();
            assertFalse(RestoredAttachments.check(connection, manifest(Set.of()), checks));
            assertTrue(checks.get(0).startsWith("FAILED attachments: attachment 100 (ticket 10)"), checks.get(0));
            connection.rollback();

            checks.clear();
            assertTrue(RestoredAttachments.check(connection, manifest(Set.of()), checks), checks.toString());
            assertTrue(checks.get(0).startsWith("OK attachments: 4 attachment(s), "), checks.get(0));
            checks.clear();
            assertFalse(RestoredAttachments.check(connection, manifest(Set.of(103L)), checks));
            assertTrue(checks.get(0).contains("attachment 103 has another ciphertext SHA-256 than the manifest"),
                    checks.get(0));
            connection.rollback();
        }
    }

    @Test
    @Order(3)
    void aPurgeRemovesTheAttachmentsOfItsTicketsAndAnErasureFindsTheTicketsItsKeysEncrypt() throws Exception {
        JpaRetentionRepository retention = new JpaRetentionRepository();
        Field field = JpaRetentionRepository.class.getDeclaredField("dataSource");
        field.setAccessible(true);
        field.set(retention, dataSource);
        assertEquals(Map.of(10L, 2, 11L, 1), retention.attachmentCounts(List.of(10L, 11L, 99L)));
        // customer 2's key also encrypts the file on ticket 11, which belongs to customer 1
        assertEquals(List.of(11L, 12L), retention.subjectsWithAttachmentsOf(List.of(2L)).stream()
                .map(subject -> subject.ticketId()).toList());
        assertEquals(2, retention.removeAttachments(List.of(10L)));
        assertEquals("0 2", text("select (select count(*) from attachment_chunk where attachment_id in (100, 101))"
                + " || ' ' || (select count(*) from attachment)"), "the chunks go with their attachment, the"
                + " other tickets keep theirs");
        assertEquals(0, retention.removeAttachments(List.of(99L)));
    }

    private static JsonObject manifest(Set<Long> alteredInManifest) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        long chunks = 0;
        for (Map.Entry<Long, byte[]> entry : STORED.entrySet()) {
            int count = (entry.getValue().length + 99) / 100;
            chunks += count;
            items.add(Json.createObjectBuilder().add("id", entry.getKey()).add("chunks", count)
                    .add("cipherSha256", alteredInManifest.contains(entry.getKey()) ? "0".repeat(64)
                            : sha256(entry.getValue())));
        }
        return Json.createObjectBuilder().add("attachments", Json.createObjectBuilder().add("count", STORED.size())
                .add("chunks", chunks).add("items", items)).build();
    }

    private static String text(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
