package org.custodian.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
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

    @Resource(lookup = "jdbc/custodian")
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
    public ErasedCounts erase(Collection<Long> customerIds, Instant at, UnaryOperator<String> keyedHash) {
        try (Connection connection = dataSource.getConnection()) {
            return reapply(connection, customerIds, at, keyedHash);
        } catch (SQLException e) {
            throw new PersistenceException("erasing customers " + customerIds + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public ErasedCounts reapply(Connection connection, Collection<Long> customerIds, Instant at,
            UnaryOperator<String> keyedHash) {
        if (customerIds.isEmpty()) {
            return new ErasedCounts(0, 0, 0, 0);
        }
        try {
            Array customers = JpaRetentionRepository.ids(connection, customerIds);
            int requests = scrubRegister(connection, customers, keyedHash);
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
            int[] tickets = ticketIds.isEmpty() ? new int[2]
                    : JpaRetentionRepository.anonymizeTickets(connection,
                            JpaRetentionRepository.ids(connection, ticketIds), at);
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

    /**
     * The subject's e-mail addresses and phone numbers in the request register (every request about these
     * records, or naming one of their addresses or numbers) become a keyed hash and nothing: the register keeps
     * that a request was made and answered, not who made it.
     */
    private static int scrubRegister(Connection connection, Array customers, UnaryOperator<String> keyedHash)
            throws SQLException {
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
        List<long[]> ids = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select id, subject_email, subject_phone"
                + " from privacy_request where (subject_email is not null or subject_phone is not null) and (id in"
                + " (select request_id from privacy_request_subject where customer_id = any(?))"
                + " or lower(subject_email) = any(?) or " + PHONE_DIGITS + " = any(?))")) {
            select.setArray(1, customers);
            select.setArray(2, connection.createArrayOf("varchar", emails.toArray(new String[0])));
            select.setArray(3, connection.createArrayOf("varchar", phones.toArray(new String[0])));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String identifier = rows.getString(2) != null
                            ? rows.getString(2).trim().toLowerCase(Locale.ROOT)
                            : Customer.phoneDigits(rows.getString(3));
                    ids.add(new long[] {rows.getLong(1)});
                    // an already scrubbed row is hashed again only if it still holds a clear value
                    hashes.add(identifier.startsWith("hmac:") || identifier.equals(Customer.ERASED) ? rows.getString(2)
                            : keyedHash.apply(identifier));
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update privacy_request set subject_email = ?, subject_phone = null where id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                update.setString(1, hashes.get(i));
                update.setLong(2, ids.get(i)[0]);
                update.addBatch();
            }
            if (!ids.isEmpty()) {
                update.executeBatch();
            }
        }
        return ids.size();
    }
}
