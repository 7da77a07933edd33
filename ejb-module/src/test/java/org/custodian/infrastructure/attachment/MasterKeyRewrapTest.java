package org.custodian.infrastructure.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.custodian.infrastructure.persistence.MigratedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A master key rotation on a real PostgreSQL: the customers' data keys and the keys of held mail's sealed originals
 * (V102) both move to the new master key, and what they open still opens; a destroyed key stays destroyed.
 */
class MasterKeyRewrapTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @RegisterExtension
    static final MigratedPostgres POSTGRES = new MigratedPostgres();

    private static String randomKey() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    @Test
    void dataKeysAndHeldMailKeysMoveToTheNewMasterKey() throws Exception {
        MasterKey old = new MasterKey(randomKey());
        MasterKey current = new MasterKey(randomKey());
        char[] dataKey = randomKey().toCharArray();
        char[] mailKey = randomKey().toCharArray();
        byte[] raw = "From: someone@example.com\r\nSubject: held\r\n\r\nhello\r\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (OutputStream out = AttachmentCipher.encrypting(sealed, mailKey, "message.eml")) {
            out.write(raw);
        }
        try (Connection connection = POSTGRES.connection(); Statement sql = connection.createStatement()) {
            try (PreparedStatement key = connection.prepareStatement("insert into attachment_key (customer_id,"
                    + " wrapped_key, master_fingerprint, created_at) values (?, ?, ?, now())")) {
                key.setLong(1, 7001);
                key.setBytes(2, old.wrap(dataKey));
                key.setString(3, old.fingerprint());
                key.executeUpdate();
                key.setLong(1, 7002); // already under the current key: left alone
                key.setBytes(2, current.wrap(dataKey));
                key.setString(3, current.fingerprint());
                key.executeUpdate();
            }
            sql.execute("insert into attachment_key (customer_id, wrapped_key, master_fingerprint, created_at,"
                    + " destroyed_at) values (7003, null, null, now(), now())");
            sql.execute("insert into mail_message (id, mailbox, message_id, raw_sha256, raw_size, authentication,"
                    + " status, received_at) values (8001, 'support', '<held@example.com>', repeat('0', 64), 60,"
                    + " 'FAIL', 'HELD', now())");
            try (PreparedStatement held = connection.prepareStatement("insert into mail_held_content (mail_id,"
                    + " wrapped_key, master_fingerprint, ciphertext, created_at) values (8001, ?, ?, ?, now())")) {
                held.setBytes(1, old.wrap(mailKey));
                held.setString(2, old.fingerprint());
                held.setBytes(3, sealed.toByteArray());
                held.executeUpdate();
            }
        }
        MasterKeyRewrap.Unwrapper byFingerprint = (wrapped, fingerprint) -> List.of(old, current).stream()
                .filter(key -> key.fingerprint().equals(fingerprint)).findFirst().orElseThrow().unwrap(wrapped);
        try (Connection connection = POSTGRES.connection()) {
            connection.setAutoCommit(false);
            assertEquals(Map.of(MasterKeyRewrap.DATA_KEYS, 1, MasterKeyRewrap.HELD_MAIL, 1),
                    MasterKeyRewrap.rewrap(connection, current, byFingerprint));
            connection.commit();
            // nothing is left under the old key: a second run re-wraps nothing
            assertEquals(Map.of(MasterKeyRewrap.DATA_KEYS, 0, MasterKeyRewrap.HELD_MAIL, 0),
                    MasterKeyRewrap.rewrap(connection, current, byFingerprint));
            connection.commit();
        }
        try (Connection connection = POSTGRES.connection(); Statement sql = connection.createStatement()) {
            try (ResultSet keys = sql.executeQuery("select customer_id, wrapped_key, master_fingerprint from"
                    + " attachment_key where customer_id in (7001, 7002, 7003) order by customer_id")) {
                for (long customer = 7001; customer <= 7002; customer++) {
                    keys.next();
                    assertEquals(current.fingerprint(), keys.getString(3), "customer " + keys.getLong(1));
                    assertArrayEquals(dataKey, current.unwrap(keys.getBytes(2)));
                }
                keys.next();
                assertEquals(null, keys.getBytes(2), "a destroyed key stays destroyed");
            }
            try (ResultSet held = sql.executeQuery("select wrapped_key, master_fingerprint, ciphertext from"
                    + " mail_held_content where mail_id = 8001")) {
                held.next();
                assertEquals(current.fingerprint(), held.getString(2));
                char[] opened = current.unwrap(held.getBytes(1));
                assertArrayEquals(mailKey, opened);
                try (InputStream in = AttachmentCipher.decrypting(new ByteArrayInputStream(held.getBytes(3)),
                        opened)) {
                    assertArrayEquals(raw, in.readAllBytes(), "the held mail's original opens as before");
                }
            }
        }
    }
}
