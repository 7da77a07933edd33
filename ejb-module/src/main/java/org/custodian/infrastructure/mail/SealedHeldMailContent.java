package org.custodian.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.custodian.application.mail.HeldMailContent;
import org.custodian.application.mail.InboundMail;
import org.custodian.infrastructure.attachment.AttachmentCipher;
import org.custodian.infrastructure.attachment.MasterKey;
import org.custodian.infrastructure.attachment.WrappedAttachmentKeys;

/**
 * Held mail's raw messages in {@code mail_held_content}: each an OpenPGP message (the attachments' format) under a
 * random key of its own, wrapped by the attachment master key. Not under a customer's key: a held mail's sender is
 * not known to be anyone yet.
 */
@ApplicationScoped
public class SealedHeldMailContent implements HeldMailContent {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    WrappedAttachmentKeys keys;

    @PersistenceContext(unitName = "custodian")
    EntityManager entityManager;

    @Override
    public void keep(long mailId, byte[] raw) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        char[] key = Base64.getEncoder().encodeToString(random).toCharArray();
        Arrays.fill(random, (byte) 0);
        try {
            MasterKey master = keys.master();
            ByteArrayOutputStream sealed = new ByteArrayOutputStream(raw.length + 256);
            try (OutputStream out = AttachmentCipher.encrypting(sealed, key, "message.eml")) {
                out.write(raw);
            }
            entityManager.createNativeQuery("insert into mail_held_content (mail_id, wrapped_key, master_fingerprint,"
                    + " ciphertext, created_at) values (?1, ?2, ?3, ?4, ?5)").setParameter(1, mailId)
                    .setParameter(2, master.wrap(key)).setParameter(3, master.fingerprint())
                    .setParameter(4, sealed.toByteArray()).setParameter(5, Timestamp.from(Instant.now()))
                    .executeUpdate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Arrays.fill(key, '\0');
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<InboundMail> take(long mailId) {
        List<Object[]> rows = entityManager.createNativeQuery("select wrapped_key, master_fingerprint, ciphertext"
                + " from mail_held_content where mail_id = ?1").setParameter(1, mailId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        char[] key = keys.unwrap((byte[]) rows.get(0)[0], (String) rows.get(0)[1]);
        try (InputStream in = AttachmentCipher.decrypting(new ByteArrayInputStream((byte[]) rows.get(0)[2]), key)) {
            byte[] raw = in.readAllBytes();
            drop(mailId);
            return Optional.of(MimeMail.parse(raw));
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException("the kept message of held mail " + mailId + " cannot be opened", e);
        } finally {
            Arrays.fill(key, '\0');
        }
    }

    @Override
    public void drop(long mailId) {
        entityManager.createNativeQuery("delete from mail_held_content where mail_id = ?1").setParameter(1, mailId)
                .executeUpdate();
    }
}
