package org.custodian.application.privacy;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.policy.Reserved;
import org.custodian.application.policy.ResourceScope;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.Inputs;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerMergeRepository;
import org.custodian.domain.model.mail.MailMessage;
import org.custodian.domain.model.mail.MailRepository;
import org.custodian.domain.model.privacy.PrivacyRequest;
import org.custodian.domain.model.privacy.PrivacyRequestRepository;
import org.custodian.domain.model.privacy.PrivacyRequestType;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketRepository;
import org.custodian.domain.shared.RuleCheck;

/**
 * Permission first (PRIVACY_REQUEST_FROM_TICKET), then the ticket as the caller may read it (a ticket outside their
 * regions is "not found"), then the request: no e-mail or phone copied into the register (the customer record is
 * the subject), unassigned, identity unverified. The request, its lineage and the audit event commit together.
 */
@Stateless
public class DefaultTicketPrivacyRequests implements TicketPrivacyRequests {

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private TicketRepository tickets;

    @Inject
    private MailRepository mail;

    @Inject
    private PrivacyRequestRepository requests;

    @Inject
    private CustomerMergeRepository merges;

    private final Clock clock = Clock.systemUTC();

    /** The operations team and the security offices are the desk's own "customers": nobody's personal data. */
    private static boolean isDesksOwn(Customer customer) {
        String external = customer.getExternalId();
        return external != null && (external.equals(Reserved.OPERATIONS_ID)
                || external.startsWith(Reserved.securityOfficeId(customer.getRegion())));
    }

    @Override
    public Made fromTicket(Caller caller, long ticketId, String type) {
        policy.enforce(caller, Permission.PRIVACY_REQUEST_FROM_TICKET, AuditActions.PRIVACY_REQUEST,
                "ticket:" + ticketId);
        RuleCheck check = new RuleCheck();
        PrivacyRequestType kind = Inputs.enumValue(PrivacyRequestType.class, type, "type", true, check);
        check.throwIfAny();
        Ticket ticket = tickets.find(ticketId)
                .filter(found -> policy.allowsIn(caller, Permission.PRIVACY_REQUEST_FROM_TICKET, found.getRegion()))
                .orElseThrow(() -> new ResourceNotFoundException("ticket", ticketId));
        policy.authorize(policy.contextFor(caller), Permission.TICKET_READ, ResourceScope.of(ticket));
        Customer customer = ticket.getCustomer();
        if (customer.getErasedAt() != null || customer.isTombstone() || isDesksOwn(customer)) {
            throw new ConflictException("ticket " + ticketId + " has no customer a request could be about (the"
                    + " record is erased, merged away or the desk's own)");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        MailMessage asked = mail.lastInbound(ticketId).orElse(null);
        Instant received = asked == null ? now : asked.getReceivedAt().truncatedTo(ChronoUnit.MICROS);
        Set<Long> subjects = new TreeSet<>(merges.withMerged(Set.of(customer.getId())));
        PrivacyRequest request = new PrivacyRequest(kind, subjects, null, null, received, null, caller.username(),
                now);
        request.cameFrom(ticket.getId(), asked == null ? null : asked.getId());
        requests.store(request);
        List<String> fields = new ArrayList<>(List.of("type=" + request.getType(), "status=" + request.getStatus(),
                "subjects=" + subjects.size(), "source=ticket", "ticket=" + ticketId));
        if (asked != null) {
            fields.add("mail=" + asked.getId());
            fields.add("mailbox=" + asked.getMailbox());
        }
        audit.record(caller, AuditActions.PRIVACY_REQUEST + "_NEW", AuditActions.PRIVACY_REQUEST,
                String.valueOf(request.getId()), fields, AuditOutcome.SUCCESS);
        return new Made(request.getId(), request.getType().name(), request.getStatus().name(),
                request.getSubjectCustomerIds(), request.getReceivedAt(), request.getDueAt(),
                request.getVerifiedAt() != null, ticket.getId(), asked == null ? null : asked.getId());
    }
}
