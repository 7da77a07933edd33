package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.privacy.Erasure;
import org.custodian.domain.model.privacy.ErasureLedger;

/**
 * The ledger through JPA; the erasure itself through plain JDBC, so that exactly the same statements run on the
 * live database (the caller's transaction) and on a restored copy (the restore's connection).
 */
@ApplicationScoped
public class JpaErasureLedger implements ErasureLedger {

    /** Separators a phone number may be typed with (as {@link Customer#phoneDigits}): removed before comparing. */
    private static final String PHONE_DIGITS = "replace(replace(replace(replace(replace(replace(subject_phone,"
            + " ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '')";

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Inject
    @CustodianDatabase
    private DataSource dataSource;

    @Override
    public void store(Erasure erasure) {
        entityManager.persist(erasure);
        entityManager.flush();
    }

    @Override
    public Optional<Erasure> findByRequest(long requestId) {
        return entityManager.createNamedQuery("Erasure.findByRequest", Erasure.class)
                .setParameter("requestId", requestId).getResultStream().findFirst();
    }

    @Override
    public List<Erasure> all() {
        return entityManager.createNamedQuery("Erasure.findAll", Erasure.class).getResultList();
    }

    @Override
    public ErasedCounts erase(long requestId, Collection<Long> customerIds, Instant at,
            UnaryOperator<String> keyedHash) {
        try (Connection connection = dataSource.getConnection()) {
            return reapply(connection, requestId, customerIds, at, keyedHash);
        } catch (SQLException e) {
            throw new PersistenceException("erasing customers " + customerIds + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public ErasedCounts reapply(Connection connection, long requestId, Collection<Long> customerIds, Instant at,
            UnaryOperator<String> keyedHash) {
        try {
            Array customers = JpaRetentionRepository.ids(connection, customerIds);
            // the records first: a ticket being opened for one of them waits, then sees it erased
            try (PreparedStatement lock = connection.prepareStatement(
                    "select id from customer where id = any(?) for update")) {
                lock.setArray(1, customers);
                lock.executeQuery().close();
            }
            int requests = scrubRegister(connection, requestId, customers, keyedHash);
            List<Long> ticketIds = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select id from ticket where customer_id = any(?)")) {
                select.setArray(1, customers);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ticketIds.add(rows.getLong(1));
                    }
                }
            }
            int[] tickets = new int[2];
            if (!ticketIds.isEmpty()) {
                Array ticketArray = JpaRetentionRepository.ids(connection, ticketIds);
                tickets = JpaRetentionRepository.anonymizeTickets(connection, ticketArray, at);
                // what people wrote about those tickets elsewhere: break-glass reasons and the notices quoting them
                update(connection, "update access_override set justification = ? where ticket_id = any(?)",
                        ticketArray);
                try (PreparedStatement notices = connection.prepareStatement("update notification set message = ?"
                        + " where resource_type = 'TICKET' and resource_id = any(?)")) {
                    notices.setString(1, Customer.ERASED);
                    notices.setArray(2, connection.createArrayOf("varchar",
                            ticketIds.stream().map(String::valueOf).toArray(String[]::new)));
                    notices.executeUpdate();
                }
            }
            update(connection, "update consent_record set source = ? where customer_id = any(?)", customers);
            // reasons given for revealing the customer's fields (#23) may name them
            update(connection, "update reveal_grant set reason = ? where customer_id = any(?)", customers);
            update(connection, "update processing_restriction set lift_reason = ? where customer_id = any(?)"
                    + " and lift_reason is not null", customers);
            // #24: the sender of their mail (the Message-ID and hash stay: they keep a re-poll from re-creating it)
            update(connection, "update mail_message set from_name = ?, from_address = null, from_key = null,"
                    + " subject = null, body = null where customer_id = any(?)", customers);
            // #24: their attachments' names may name them; their data keys go (a restored key row of a backup set
            // taken before the erasure, too: replayed after every restore, the ciphertext stays unreadable)
            update(connection, "update attachment set filename = ? where customer_id = any(?)", customers);
            try (PreparedStatement keys = connection.prepareStatement("update attachment_key set wrapped_key = null,"
                    + " master_fingerprint = null, destroyed_at = coalesce(destroyed_at, ?) where customer_id = any(?)"
                    + " and wrapped_key is not null")) {
                keys.setObject(1, at.atOffset(ZoneOffset.UTC));
                keys.setArray(2, customers);
                keys.executeUpdate();
            }
            int erased;
            try (PreparedStatement update = connection.prepareStatement("update customer set name = ?,"
                    + " external_id = null, email = null, phone = null, national_id = null,"
                    + " erased_at = coalesce(erased_at, ?) where id = any(?)")) {
                update.setString(1, Customer.ERASED);
                update.setObject(2, at.atOffset(ZoneOffset.UTC));
                update.setArray(3, customers);
                erased = update.executeUpdate();
            }
            return new ErasedCounts(erased, tickets[0], tickets[1], requests);
        } catch (SQLException e) {
            throw new PersistenceException("erasing customers " + customerIds + " failed: " + e.getMessage(), e);
        }
    }

    /** Sets the one text column of {@code sql} to the erased mark for the rows of {@code ids}. */
    private static void update(Connection connection, String sql, Array ids) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, Customer.ERASED);
            update.setArray(2, ids);
            update.executeUpdate();
        }
    }

    /**
     * The subject's e-mail addresses and phone numbers in the request register (every request about these
     * records, or naming one of their addresses or numbers) become a keyed hash and nothing: the register keeps
     * that a request was made and answered, not who made it.
     */
    private static int scrubRegister(Connection connection, long requestId, Array customers,
            UnaryOperator<String> keyedHash) throws SQLException {
        List<String> emails = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select email, phone from customer where id = any(?)")) {
            select.setArray(1, customers);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(1) != null) {
                        emails.add(rows.getString(1).trim().toLowerCase(Locale.ROOT));
                    }
                    String digits = Customer.phoneDigits(rows.getString(2));
                    if (!digits.isEmpty()) {
                        phones.add(digits);
                    }
                }
            }
        }
        List<Long> ids = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select id, subject_email, subject_phone"
                + " from privacy_request where id = ? or id in"
                + " (select request_id from privacy_request_subject where customer_id = any(?))"
                + " or lower(subject_email) = any(?) or " + PHONE_DIGITS + " = any(?)")) {
            select.setLong(1, requestId);
            select.setArray(2, customers);
            select.setArray(3, connection.createArrayOf("varchar", emails.toArray(new String[0])));
            select.setArray(4, connection.createArrayOf("varchar", phones.toArray(new String[0])));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String identifier = rows.getString(2) != null
                            ? rows.getString(2).trim().toLowerCase(Locale.ROOT)
                            : rows.getString(3) != null ? Customer.phoneDigits(rows.getString(3)) : null;
                    ids.add(rows.getLong(1));
                    // an already scrubbed row keeps its hash; a clear value becomes one
                    hashes.add(identifier == null || identifier.startsWith("hmac:") || identifier.equals(Customer.ERASED)
                            ? rows.getString(2) : keyedHash.apply(identifier));
                }
            }
        }
        // the free texts officers typed may name the person (the erasure's own outcome is written after this)
        try (PreparedStatement update = connection.prepareStatement("update privacy_request set subject_email = ?,"
                + " subject_phone = null, identity_method = case when identity_method is null then null else ? end,"
                + " extension_reason = case when extension_reason is null then null else ? end,"
                + " outcome = case when outcome is null then null else ? end where id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                update.setString(1, hashes.get(i));
                update.setString(2, Customer.ERASED);
                update.setString(3, Customer.ERASED);
                update.setString(4, Customer.ERASED);
                update.setLong(5, ids.get(i));
                update.addBatch();
            }
            if (!ids.isEmpty()) {
                update.executeBatch();
            }
        }
        return ids.size();
    }
}
