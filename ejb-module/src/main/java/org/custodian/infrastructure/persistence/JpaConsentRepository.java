package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.privacy.ConsentPurpose;
import org.custodian.domain.model.privacy.ConsentRecord;
import org.custodian.domain.model.privacy.ConsentRepository;
import org.custodian.domain.model.privacy.ProcessingObjection;
import org.custodian.domain.model.retention.RetentionSubject;
import org.custodian.domain.model.ticket.TicketStatus;

@ApplicationScoped
public class JpaConsentRepository implements ConsentRepository {

    /** CHAT comments whose ticket's customer's newest CHAT_TRANSCRIPT_STORAGE statement is not a consent. */
    private static final String WITHOUT_CONSENT = "select c.id from ticket_comment c join ticket t on t.id ="
            + " c.ticket_id where c.channel = 'CHAT' and c.id > ?%s and not exists (select 1 from consent_record r"
            + " where r.customer_id = t.customer_id and r.purpose = 'CHAT_TRANSCRIPT_STORAGE' and r.given = true"
            + " and not exists (select 1 from consent_record n where n.customer_id = r.customer_id and n.purpose ="
            + " r.purpose and (n.recorded_at > r.recorded_at or (n.recorded_at = r.recorded_at and n.id > r.id))))"
            + " order by c.id limit ?";

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Inject
    @CustodianDatabase
    private DataSource dataSource;

    @Override
    public void store(ConsentRecord record) {
        entityManager.persist(record);
        entityManager.flush();
    }

    @Override
    public List<ConsentRecord> history(long customerId) {
        return entityManager.createNamedQuery("ConsentRecord.history", ConsentRecord.class)
                .setParameter("customerId", customerId).getResultList();
    }

    @Override
    public boolean isGiven(long customerId, ConsentPurpose purpose) {
        // #25: an objection (Art. 21) refuses the purpose whatever was recorded since (withdrawals are written too)
        boolean objected = !entityManager.createNamedQuery("ProcessingObjection.ofCustomer",
                ProcessingObjection.class).setParameter("customerId", customerId).getResultStream()
                .filter(objection -> objection.getPurpose() == purpose).toList().isEmpty();
        return !objected && entityManager.createNamedQuery("ConsentRecord.newest", ConsentRecord.class)
                .setParameter("customerId", customerId).setParameter("purpose", purpose).setMaxResults(1)
                .getResultStream().findFirst().map(ConsentRecord::isGiven).orElse(false);
    }

    @Override
    public List<Long> transcriptsWithoutConsent(long afterCommentId, int limit, Long customerId) {
        // two constant statements, one with the customer filter: nothing from the caller is part of the SQL text
        String sql = String.format(WITHOUT_CONSENT, customerId == null ? "" : " and t.customer_id = ?");
        List<Long> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            int at = 1;
            select.setLong(at++, afterCommentId);
            if (customerId != null) {
                select.setLong(at++, customerId);
            }
            select.setInt(at, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new PersistenceException("finding chat transcripts without consent failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Set<Long> customersConsenting(ConsentPurpose purpose) {
        Set<Long> ids = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select r.customer_id from consent_record r"
                        + " where r.purpose = ? and r.given = true and not exists (select 1 from consent_record n"
                        + " where n.customer_id = r.customer_id and n.purpose = r.purpose and (n.recorded_at >"
                        + " r.recorded_at or (n.recorded_at = r.recorded_at and n.id > r.id)))")) {
            select.setString(1, purpose.name());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new PersistenceException("reading consents failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int[] removeTranscriptsWithoutConsent(Connection connection, Set<Long> consenting,
            Predicate<RetentionSubject> held) {
        List<Long> remove = new ArrayList<>();
        int kept = 0;
        try (PreparedStatement select = connection.prepareStatement("select c.id, t.id, t.customer_id, t.category,"
                + " t.region, t.status, t.created_at, t.updated_at, t.resolved_at, t.anonymized_at from ticket_comment"
                + " c join ticket t on t.id = c.ticket_id where c.channel = 'CHAT'");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                if (consenting.contains(rows.getLong(3))) {
                    continue;
                }
                RetentionSubject subject = new RetentionSubject(rows.getLong(2), rows.getLong(3), rows.getString(4),
                        Region.valueOf(rows.getString(5)), TicketStatus.valueOf(rows.getString(6)),
                        JdbcValues.instant(rows, 7), JdbcValues.instant(rows, 8), JdbcValues.instant(rows, 9),
                        JdbcValues.instant(rows, 10));
                if (held.test(subject)) {
                    kept++;
                } else {
                    remove.add(rows.getLong(1));
                }
            }
            if (!remove.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "delete from ticket_comment where id = any(?)")) {
                    delete.setArray(1, JpaRetentionRepository.ids(connection, remove));
                    delete.executeUpdate();
                }
            }
            return new int[] {remove.size(), kept};
        } catch (SQLException e) {
            throw new PersistenceException("removing chat transcripts from the restored copy failed: "
                    + e.getMessage(), e);
        }
    }
}
