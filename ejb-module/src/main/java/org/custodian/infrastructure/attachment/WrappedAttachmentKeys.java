package org.custodian.infrastructure.attachment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.application.shared.NotConfiguredException;
import org.custodian.domain.model.attachment.AttachmentKeys;
import org.eclipse.microprofile.config.Config;

/**
 * Data keys in the table {@code attachment_key}, wrapped by the master key. Joins the caller's transaction: a key
 * made for an upload commits with it, a key destroyed by an erasure goes with the erasure or not at all.
 */
@ApplicationScoped
public class WrappedAttachmentKeys implements AttachmentKeys {

    static final String MASTER_KEY = "custodian.attachment.master-key";
    static final String PREVIOUS_KEYS = "custodian.attachment.previous-master-keys";

    private final SecureRandom random = new SecureRandom();

    @Inject
    Config config;

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Inject
    @CustodianDatabase
    DataSource dataSource;

    private volatile MasterKey master;

    public MasterKey master() {
        if (master == null) {
            String text = config.getOptionalValue(MASTER_KEY, String.class).filter(value -> !value.isBlank())
                    .orElseThrow(() -> new NotConfiguredException("no attachment master key: set"
                            + " CUSTODIAN_ATTACHMENT_MASTER_KEY (base64 of 32 random bytes) or let the server"
                            + " generate one in its data directory"));
            master = new MasterKey(text);
        }
        return master;
    }

    /** The previous master keys named for a rotation ({@code custodian.attachment.previous-master-keys}). */
    List<MasterKey> previous() {
        return config.getOptionalValue(PREVIOUS_KEYS, String.class).stream()
                .flatMap(text -> java.util.Arrays.stream(text.split(","))).map(String::trim)
                .filter(text -> !text.isEmpty()).map(MasterKey::new).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<char[]> passphraseForWriting(long customerId) {
        // the customer's key as it is, if there is a row (a destroyed key stays destroyed): no new key made, wrapped
        // and thrown away at each file of a known customer (the mail bench, #24)
        List<Object[]> existing = entityManager.createNativeQuery("select wrapped_key, master_fingerprint from"
                + " attachment_key where customer_id = ?1").setParameter(1, customerId).getResultList();
        if (!existing.isEmpty()) {
            return existing.get(0)[0] == null ? Optional.empty()
                    : Optional.of(unwrap((byte[]) existing.get(0)[0], (String) existing.get(0)[1]));
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        char[] fresh = Base64.getEncoder().encodeToString(raw).toCharArray();
        java.util.Arrays.fill(raw, (byte) 0);
        MasterKey key = master();
        // two uploads for a new customer at once: one insert wins, both then use its key
        entityManager.createNativeQuery("insert into attachment_key (customer_id, wrapped_key, master_fingerprint,"
                + " created_at) values (?1, ?2, ?3, ?4) on conflict (customer_id) do nothing")
                .setParameter(1, customerId).setParameter(2, key.wrap(fresh)).setParameter(3, key.fingerprint())
                .setParameter(4, Timestamp.from(Instant.now())).executeUpdate();
        return passphrase(customerId);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<char[]> passphrase(long customerId) {
        List<Object[]> rows = entityManager.createNativeQuery("select wrapped_key, master_fingerprint from"
                + " attachment_key where customer_id = ?1").setParameter(1, customerId).getResultList();
        if (rows.isEmpty() || rows.get(0)[0] == null) {
            return Optional.empty();
        }
        return Optional.of(unwrap((byte[]) rows.get(0)[0], (String) rows.get(0)[1]));
    }

    /** A data key wrapped by the current or a previous master key (also for other sealed content: held mail). */
    public char[] unwrap(byte[] wrapped, String fingerprint) {
        MasterKey current = master();
        if (current.fingerprint().equals(fingerprint)) {
            return current.unwrap(wrapped);
        }
        // wrapped by a previous master key not yet re-wrapped (the rotation at start re-wraps them all)
        return previous().stream().filter(key -> key.fingerprint().equals(fingerprint)).findFirst()
                .orElseThrow(() -> new IllegalStateException("an attachment data key is wrapped by master key "
                        + fingerprint + ", which is neither custodian.attachment.master-key nor among"
                        + " custodian.attachment.previous-master-keys"))
                .unwrap(wrapped);
    }

    @Override
    public int destroy(Collection<Long> customerIds, Instant now) {
        int destroyed = 0;
        for (Long customerId : customerIds) {
            destroyed += entityManager.createNativeQuery("update attachment_key set wrapped_key = null,"
                    + " master_fingerprint = null, destroyed_at = ?2 where customer_id = ?1 and destroyed_at is null")
                    .setParameter(1, customerId).setParameter(2, Timestamp.from(now)).executeUpdate();
            entityManager.createNativeQuery("insert into attachment_key (customer_id, wrapped_key, master_fingerprint,"
                    + " created_at, destroyed_at) values (?1, null, null, ?2, ?2) on conflict (customer_id) do nothing")
                    .setParameter(1, customerId).setParameter(2, Timestamp.from(now)).executeUpdate();
        }
        return destroyed;
    }

    /**
     * Re-wraps every key wrapped by a previous master key under the current one (a master key rotation touches the
     * keys, never the files): the data keys and the keys of held mail's originals, in the caller's transaction.
     *
     * @return per table ({@code attachment_key}, {@code mail_held_content}), how many keys were re-wrapped
     */
    Map<String, Integer> rewrap() {
        try (Connection connection = dataSource.getConnection()) {
            return MasterKeyRewrap.rewrap(connection, master(), this::unwrap);
        } catch (SQLException e) {
            throw new PersistenceException("re-wrapping the attachment keys failed: " + e.getMessage(), e);
        }
    }
}
