package org.custodian.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.mail.MailMessage;
import org.custodian.domain.model.mail.MailRepository;
import org.custodian.domain.model.mail.MailStatus;
import org.custodian.domain.model.mail.OutboundMail;
import org.custodian.domain.model.ticket.Comment;

@ApplicationScoped
public class JpaMailRepository implements MailRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public Optional<MailMessage> findByMessageId(String messageId) {
        return entityManager.createQuery("SELECT m FROM MailMessage m WHERE m.messageId = :id", MailMessage.class)
                .setParameter("id", messageId).getResultStream().findFirst();
    }

    @Override
    public Optional<MailMessage> find(long id) {
        return Optional.ofNullable(entityManager.find(MailMessage.class, id));
    }

    @Override
    public Optional<MailMessage> findForUpdate(long id) {
        return Optional.ofNullable(entityManager.find(MailMessage.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void store(MailMessage message) {
        entityManager.persist(message);
    }

    @Override
    public void flush() {
        entityManager.flush();
    }

    @Override
    public long countFrom(String fromKey, Instant since) {
        return entityManager.createQuery("SELECT COUNT(m) FROM MailMessage m WHERE m.fromKey = :key"
                + " AND m.receivedAt >= :since", Long.class)
                .setParameter("key", fromKey).setParameter("since", since).getSingleResult();
    }

    @Override
    public List<MailMessage> held(List<String> mailboxes, int limit) {
        return entityManager.createQuery("SELECT m FROM MailMessage m WHERE m.status = :held"
                + " AND m.mailbox IN :boxes ORDER BY m.receivedAt, m.id", MailMessage.class)
                .setParameter("held", MailStatus.HELD).setParameter("boxes", mailboxes).setMaxResults(limit)
                .getResultList();
    }

    @Override
    public Optional<Long> ticketOfMessage(String messageId) {
        Optional<Long> received = entityManager.createQuery("SELECT m.ticketId FROM MailMessage m"
                + " WHERE m.messageId = :id AND m.ticketId IS NOT NULL", Long.class)
                .setParameter("id", messageId).getResultStream().findFirst();
        if (received.isPresent()) {
            return received;
        }
        return entityManager.createQuery("SELECT o.ticketId FROM OutboundMail o WHERE o.messageId = :id", Long.class)
                .setParameter("id", messageId).getResultStream().findFirst();
    }

    @Override
    public Optional<MailMessage> lastInbound(long ticketId) {
        return entityManager.createQuery("SELECT m FROM MailMessage m WHERE m.ticketId = :ticket"
                + " ORDER BY m.receivedAt DESC, m.id DESC", MailMessage.class)
                .setParameter("ticket", ticketId).setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public List<Customer> customersByEmail(String emailKey) {
        if (emailKey == null || emailKey.isBlank()) {
            return List.of();
        }
        // the expression of the index customer_email_lookup_idx (lower(email))
        return entityManager.createQuery("SELECT c FROM Customer c WHERE LOWER(c.email) = :key"
                + " AND c.erasedAt IS NULL AND c.mergedInto IS NULL ORDER BY c.id", Customer.class)
                .setParameter("key", emailKey).setMaxResults(20).getResultList();
    }

    @Override
    public void markBounced(long customerId, Instant at) {
        entityManager.createNativeQuery("update customer set mail_bounced_at = ? where id = ?")
                .setParameter(1, Timestamp.from(at)).setParameter(2, customerId).executeUpdate();
    }

    @Override
    public void store(OutboundMail mail) {
        entityManager.persist(mail);
    }

    @Override
    public Optional<OutboundMail> lockNextDue(Instant now) {
        List<?> ids = entityManager.createNativeQuery("select id from mail_outbox where status = 'PENDING'"
                + " and next_attempt_at <= ? order by next_attempt_at, id limit 1 for update skip locked")
                .setParameter(1, Timestamp.from(now)).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        long id = ((Number) ids.get(0)).longValue();
        // the row is locked by this transaction already; refresh so a row cached before is read as it is now
        OutboundMail mail = entityManager.find(OutboundMail.class, id);
        entityManager.refresh(mail);
        return Optional.of(mail);
    }

    @Override
    public Optional<Comment> findComment(long id) {
        return Optional.ofNullable(entityManager.find(Comment.class, id));
    }

    @Override
    public Map<OutboundMail.Status, Long> outboxCounts() {
        Map<OutboundMail.Status, Long> counts = new EnumMap<>(OutboundMail.Status.class);
        for (Object[] row : entityManager.createQuery("SELECT o.status, COUNT(o) FROM OutboundMail o"
                + " GROUP BY o.status", Object[].class).getResultList()) {
            counts.put((OutboundMail.Status) row[0], (Long) row[1]);
        }
        return counts;
    }

    @Override
    public long heldCount() {
        return entityManager.createQuery("SELECT COUNT(m) FROM MailMessage m WHERE m.status = :held", Long.class)
                .setParameter("held", MailStatus.HELD).getSingleResult();
    }

    @Override
    public int countFailure(String messageKey, String mailbox, String error, Instant at) {
        String cut = error.length() > 300 ? error.substring(0, 300) : error;
        entityManager.createNativeQuery("insert into mail_intake_failure (message_id, mailbox, attempts, last_error,"
                + " first_failed_at, last_failed_at) values (?1, ?2, 1, ?3, ?4, ?4) on conflict (message_id) do update"
                + " set attempts = mail_intake_failure.attempts + 1, last_error = ?3, last_failed_at = ?4")
                .setParameter(1, messageKey).setParameter(2, mailbox).setParameter(3, cut)
                .setParameter(4, Timestamp.from(at)).executeUpdate();
        Object attempts = entityManager.createNativeQuery("select attempts from mail_intake_failure"
                + " where message_id = ?1").setParameter(1, messageKey).getSingleResult();
        return ((Number) attempts).intValue();
    }

    @Override
    public void clearFailure(String messageKey) {
        entityManager.createNativeQuery("delete from mail_intake_failure where message_id = ?1")
                .setParameter(1, messageKey).executeUpdate();
    }
}
