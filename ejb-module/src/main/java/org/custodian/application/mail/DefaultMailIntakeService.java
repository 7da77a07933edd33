package org.custodian.application.mail;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.pii.PiiService;
import org.custodian.application.pii.Redaction;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.mail.AuthenticationResults;
import org.custodian.domain.model.mail.AutomaticMail;
import org.custodian.domain.model.mail.MailMessage;
import org.custodian.domain.model.mail.MailRepository;
import org.custodian.domain.model.mail.MailStatus;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.TicketDetails;

/**
 * The order of the rules: once per Message-ID; bounces are recorded on the customer; automatic mail and our own
 * are ignored (RFC 3834); a sender over the limit is not let in; a sender the receiving server did not authenticate
 * is held; only then does the mail make or join a ticket. Card numbers and secrets are redacted before anything
 * about the mail is stored, held mail included.
 */
@Stateless
public class DefaultMailIntakeService implements MailIntakeService {

    @EJB
    private AuditService audit;

    @EJB
    private PiiService pii;

    @EJB
    private MailTickets mailTickets;

    @Inject
    private MailRepository mail;

    @EJB
    private MailFiles files;

    @Inject
    private HeldMailContent heldContent;

    @Inject
    private MailSettings settings;

    private final Clock clock = Clock.systemUTC();

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome receive(Mailbox box, InboundMail in) {
        return take(box, in);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void receiveAll(Mailbox box, List<InboundMail> mails) {
        for (InboundMail in : mails) {
            take(box, in);
        }
    }

    private Outcome take(Mailbox box, InboundMail in) {
        if (mail.findByMessageId(in.messageId()).isPresent()) {
            return Outcome.DUPLICATE;
        }
        Instant now = clock.instant();
        AuthenticationResults.Outcome authenticity = AuthenticationResults.evaluate(
                in.header("authentication-results"), box.authservId(), in.fromDomain());
        String from = usableAddress(in.fromAddress());
        MailMessage row = new MailMessage(box.name(), in.messageId(), in.rawSha256(), in.rawSize(), from,
                MailText.line(in.fromName(), 200), cut(in.inReplyTo(), 998), in.references(),
                authenticity.verdict(), now);
        mail.store(row);
        // the unique Message-ID: a second node taking the same mail fails here and rolls back
        mail.flush();
        Caller caller = Caller.system("mail:" + box.name(), "mail-" + UUID.randomUUID());
        Outcome outcome = decide(caller, box, in, row, from, authenticity, now);
        audit.record(caller, MailAuditActions.MAIL_RECEIVED, MailAuditActions.MAIL, String.valueOf(row.getId()),
                received(row, authenticity), AuditOutcome.SUCCESS);
        return outcome;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean failed(Mailbox box, InboundMail in, String error) {
        Instant now = clock.instant();
        String key = MailText.sha256(in.messageId());
        // a Message-ID the column cannot hold is itself a reason intake fails: the held row keeps a derived one
        String messageId = in.messageId().length() <= 998 ? in.messageId()
                : "<" + key + "@long-message-id.invalid>";
        if (mail.findByMessageId(messageId).isPresent()) {
            return true;
        }
        int attempts = mail.countFailure(key, box.name(), error, now);
        if (attempts < settings.intakeAttempts()) {
            return false;
        }
        AuthenticationResults.Outcome authenticity = AuthenticationResults.evaluate(
                in.header("authentication-results"), box.authservId(), in.fromDomain());
        MailMessage row = new MailMessage(box.name(), messageId, in.rawSha256(), in.rawSize(),
                usableAddress(in.fromAddress()), MailText.line(in.fromName(), 200), cut(in.inReplyTo(), 998),
                in.references(), authenticity.verdict(), now);
        String subject = null;
        String text = null;
        try {
            Redaction s = pii.redactForStorage(MailText.line(in.subject(), TicketDetails.SUBJECT_MAX));
            Redaction t = pii.redactForStorage(MailText.multiline(in.text(), Comment.BODY_MAX));
            subject = s.text() == null ? null : MailText.line(s.text(), TicketDetails.SUBJECT_MAX);
            text = t.text() == null ? null : MailText.multiline(t.text(), Comment.BODY_MAX);
            row.noteRedacted(Redaction.merge(s, t).keySet());
        } catch (RuntimeException e) {
            // whatever failed may be the redaction itself: then the agent decides without the text (never unredacted)
            subject = null;
            text = null;
        }
        row.hold(MailText.line("intake failed " + attempts + " times: " + error, 300), subject, text);
        mail.store(row);
        mail.flush();
        mail.clearFailure(key);
        Caller caller = Caller.system("mail:" + box.name(), "mail-" + UUID.randomUUID());
        audit.record(caller, MailAuditActions.MAIL_GIVEN_UP, MailAuditActions.MAIL, String.valueOf(row.getId()),
                List.of("mailbox=" + box.name(), "status=" + MailStatus.HELD, "attempts=" + attempts,
                        "reason=" + row.getReason(), "sha256=" + row.getRawSha256()), AuditOutcome.SUCCESS);
        return true;
    }

    private Outcome decide(Caller caller, Mailbox box, InboundMail in, MailMessage row, String from,
            AuthenticationResults.Outcome authenticity, Instant now) {
        if (in.isBounce()) {
            bounce(caller, row, in.bounceRecipients(), now);
            return Outcome.BOUNCE;
        }
        if (from == null) {
            row.settle(MailStatus.IGNORED, "no usable sender address", null);
            return Outcome.IGNORED;
        }
        String automatic = AutomaticMail.reason(in.headers(), row.getFromKey(), settings.ownAddresses());
        if (automatic != null) {
            row.settle(MailStatus.IGNORED, automatic, null);
            return Outcome.IGNORED;
        }
        long recent = mail.countFrom(row.getFromKey(), now.minus(settings.senderWindow())) - 1;
        if (recent >= settings.senderLimit()) {
            row.settle(MailStatus.RATE_LIMITED, "more than " + settings.senderLimit() + " mails from this sender in "
                    + settings.senderWindow(), null);
            return Outcome.RATE_LIMITED;
        }
        Redaction subject = pii.redactForStorage(MailText.line(in.subject(), TicketDetails.SUBJECT_MAX));
        Redaction text = pii.redactForStorage(MailText.multiline(in.text(), Comment.BODY_MAX));
        String cleanSubject = subject.text() == null ? null : MailText.line(subject.text(), TicketDetails.SUBJECT_MAX);
        String cleanText = text.text() == null ? null : MailText.multiline(text.text(), Comment.BODY_MAX);
        Redaction all = new Redaction(null, Redaction.merge(subject, text));
        row.noteRedacted(all.counts().keySet());
        if (authenticity.verdict() != AuthenticationResults.Verdict.PASS) {
            row.hold("sender not authenticated: " + authenticity.reason(), cleanSubject, cleanText);
            if (in.raw() != null) {
                // sealed until an agent decides: an accepted mail keeps its original and files like any other
                heldContent.keep(row.getId(), in.raw());
            }
            if (all.changed()) {
                audit.record(caller, AuditActions.PII_REDACTED, MailAuditActions.MAIL, String.valueOf(row.getId()),
                        all.summaryEntries(), AuditOutcome.SUCCESS);
            }
            return Outcome.HELD;
        }
        mailTickets.deliver(caller, row, box, cleanSubject, cleanText, all.counts().keySet(),
                all.changed() ? all.summaryEntries() : List.of());
        files.keep(row, in);
        return row.getStatus() == MailStatus.COMMENT ? Outcome.COMMENT
                : row.getStatus() == MailStatus.IGNORED ? Outcome.IGNORED : Outcome.TICKET;
    }

    /** A delivery status notification: each failed recipient that is a customer's address is recorded on them. */
    private void bounce(Caller caller, MailMessage row, List<String> recipients, Instant now) {
        Long first = null;
        for (String recipient : recipients) {
            for (Customer customer : mail.customersByEmail(Customer.emailKey(recipient))) {
                mail.markBounced(customer.getId(), now);
                audit.record(caller, MailAuditActions.MAIL_BOUNCE, AuditActions.CUSTOMER,
                        String.valueOf(customer.getId()), MailTickets.lineage(row, List.of("email=bounced")),
                        AuditOutcome.SUCCESS);
                first = first == null ? customer.getId() : first;
            }
        }
        row.settle(MailStatus.BOUNCE, recipients.isEmpty() ? "delivery report without a failed recipient"
                : "delivery failed for " + recipients.size() + " recipient(s)", first);
    }

    private static List<String> received(MailMessage row, AuthenticationResults.Outcome authenticity) {
        List<String> fields = new ArrayList<>();
        fields.add("mailbox=" + row.getMailbox());
        fields.add("status=" + row.getStatus());
        fields.add("authentication=" + authenticity.verdict());
        if (row.getReason() != null) {
            fields.add("reason=" + row.getReason());
        }
        if (row.getTicketId() != null) {
            fields.add("ticket=" + row.getTicketId());
        }
        if (row.getCommentId() != null) {
            fields.add("comment=" + row.getCommentId());
        }
        if (row.getCustomerId() != null) {
            fields.add("customer=" + row.getCustomerId() + (row.isCustomerCreated() ? " (created from mail)" : ""));
        }
        fields.add("sha256=" + row.getRawSha256());
        return fields;
    }

    /** An address a customer record accepts (Customer's own rule), else null. */
    private static String usableAddress(String address) {
        if (address == null) {
            return null;
        }
        String trimmed = address.trim();
        try {
            new Customer(null, "x", trimmed, null, org.custodian.domain.model.customer.Region.values()[0],
                    Instant.EPOCH);
            return trimmed;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
