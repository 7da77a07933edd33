package org.custodian.application.mail;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.AccessContext;
import org.custodian.application.policy.Decision;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.ResourceScope;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.mail.MailMessage;
import org.custodian.domain.model.mail.MailRepository;
import org.custodian.domain.model.mail.MailStatus;
import org.custodian.domain.model.pii.PiiType;

@Stateless
public class DefaultHeldMailService implements HeldMailService {

    private static final int LIST_LIMIT = 200;

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @EJB
    private MailTickets mailTickets;

    @EJB
    private MailFiles files;

    @Inject
    private HeldMailContent heldContent;

    @Inject
    private MailRepository mail;

    @Inject
    private MailSettings settings;

    private final Clock clock = Clock.systemUTC();

    @Override
    public List<HeldMailView> list(Caller caller) {
        policy.enforce(caller, Permission.MAIL_HELD_MANAGE, MailAuditActions.MAIL, null);
        List<String> boxes = settings.mailboxes().stream()
                .filter(box -> policy.allowsIn(caller, Permission.MAIL_HELD_MANAGE, box.region()))
                .map(Mailbox::name).collect(Collectors.toList());
        List<HeldMailView> views = new ArrayList<>();
        if (!boxes.isEmpty()) {
            AccessContext context = policy.contextFor(caller);
            Map<Region, Decision> decisions = new EnumMap<>(Region.class);
            for (MailMessage row : mail.held(boxes, LIST_LIMIT)) {
                Region region = settings.mailbox(row.getMailbox()).map(Mailbox::region).orElse(null);
                // the sender is (or becomes) a customer: shown as the policy shows a customer's name and address
                Map<String, Object> sender = senderAsShown(context, decisions, region, row);
                views.add(new HeldMailView(row.getId(), row.getMailbox(), region == null ? null : region.name(),
                        (String) sender.get("email"), (String) sender.get("name"), row.getSubject(), row.getBody(),
                        row.getReason(), row.getAuthentication().name(), row.getReceivedAt()));
            }
        }
        String ids = views.stream().map(view -> String.valueOf(view.id())).collect(Collectors.joining(","));
        audit.record(caller, MailAuditActions.MAIL_HELD_LIST, MailAuditActions.MAIL, ids.isEmpty() ? null : ids,
                List.of("from", "subject", "text"), AuditOutcome.SUCCESS);
        return views;
    }

    @Override
    public MailIntakeService.Outcome accept(Caller caller, long id) {
        HeldRow held = find(caller, id);
        MailMessage row = held.row();
        // the held text was redacted at intake; the types removed then are on the row
        List<PiiType> removed = new ArrayList<>();
        for (String type : org.custodian.domain.model.pii.RedactedTypes.names(redactedTypes(row))) {
            removed.add(PiiType.valueOf(type));
        }
        String subject = row.getSubject();
        String text = row.getBody();
        row.decided(caller.username(), clock.instant());
        mailTickets.deliver(caller, row, held.box(), subject, text, removed, List.of());
        // the original message and its files, kept sealed while the mail was held (#24)
        heldContent.take(id).ifPresent(original -> files.keep(row, original));
        audit.record(caller, MailAuditActions.MAIL_HELD_ACCEPT, MailAuditActions.MAIL, String.valueOf(id),
                MailTickets.lineage(row, List.of("status=" + row.getStatus(), "ticket=" + row.getTicketId())),
                AuditOutcome.SUCCESS);
        mail.flush();
        return row.getStatus() == MailStatus.COMMENT ? MailIntakeService.Outcome.COMMENT
                : row.getStatus() == MailStatus.IGNORED ? MailIntakeService.Outcome.IGNORED
                : MailIntakeService.Outcome.TICKET;
    }

    @Override
    public void discard(Caller caller, long id) {
        MailMessage row = find(caller, id).row();
        row.discard(caller.username(), clock.instant());
        heldContent.drop(id);
        audit.record(caller, MailAuditActions.MAIL_HELD_DISCARD, MailAuditActions.MAIL, String.valueOf(id),
                List.of("mailbox=" + row.getMailbox(), "status=" + MailStatus.DISCARDED), AuditOutcome.SUCCESS);
        mail.flush();
    }

    private Map<String, Object> senderAsShown(AccessContext context, Map<Region, Decision> decisions, Region region,
            MailMessage row) {
        if (region == null) {
            return Map.of();
        }
        Decision decision = decisions.computeIfAbsent(region, r -> {
            try {
                return policy.authorize(context, Permission.CUSTOMER_READ, ResourceScope.newCustomer(r));
            } catch (RuntimeException refused) {
                return null;
            }
        });
        return decision == null ? Map.of() : decision.show("customer").field("email", row.getFromAddress())
                .field("name", row.getFromName()).body();
    }

    private record HeldRow(MailMessage row, Mailbox box) {
    }

    /** Permission first, then existence and region (a mail of another region's mailbox is "not found"), then state. */
    private HeldRow find(Caller caller, long id) {
        policy.enforce(caller, Permission.MAIL_HELD_MANAGE, MailAuditActions.MAIL, String.valueOf(id));
        MailMessage row = mail.findForUpdate(id).orElse(null);
        Mailbox box = row == null ? null : settings.mailbox(row.getMailbox()).orElse(null);
        if (row == null || box == null || !policy.allowsIn(caller, Permission.MAIL_HELD_MANAGE, box.region())) {
            throw new ResourceNotFoundException("held mail", id);
        }
        if (row.getStatus() != MailStatus.HELD) {
            throw new ConflictException("mail " + id + " is no longer held (it is " + row.getStatus() + ")");
        }
        return new HeldRow(row, box);
    }

    private static String redactedTypes(MailMessage row) {
        return row.getRedactedTypesText();
    }
}
