package org.custodian.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.custodian.domain.model.privacy.ConsentPurpose;
import org.custodian.domain.model.privacy.ConsentRecord;
import org.custodian.domain.model.privacy.ConsentRepository;

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

    @Resource(lookup = "jdbc/custodian")
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
        return entityManager.createNamedQuery("ConsentRecord.newest", ConsentRecord.class)
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
}
