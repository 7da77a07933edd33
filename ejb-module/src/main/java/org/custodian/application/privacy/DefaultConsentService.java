package org.custodian.application.privacy;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Basis;
import org.custodian.application.policy.Decision;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.policy.ResourceScope;
import org.custodian.application.shared.AccessDeniedException;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.Inputs;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerRepository;
import org.custodian.domain.model.privacy.ConsentPurpose;
import org.custodian.domain.model.privacy.ConsentRecord;
import org.custodian.domain.model.privacy.ConsentRepository;
import org.custodian.domain.model.retention.LegalHold;
import org.custodian.domain.model.retention.RetentionRepository;
import org.custodian.domain.model.retention.RetentionSubject;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.CommentChannel;
import org.custodian.domain.model.ticket.TicketRepository;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultConsentService implements ConsentService {

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private ConsentRepository consents;

    @Inject
    private CustomerRepository customers;

    @Inject
    private TicketRepository tickets;

    @Inject
    private RetentionRepository retention;

    @Inject
    private Event<ConsentWithdrawn> withdrawn;

    @EJB
    private Objections objections;

    private final Clock clock = Clock.systemUTC();

    @Override
    public ConsentView record(Caller caller, long customerId, NewConsent input) {
        policy.enforce(caller, Permission.CONSENT_MANAGE, AuditActions.CONSENT, String.valueOf(customerId));
        Customer customer = customer(caller, customerId);
        RuleCheck check = new RuleCheck();
        // an erased record is nobody any more: what is said about it would hold personal data again
        check.require(customer.getErasedAt() == null, "customerId", "customer " + customerId + " was erased at "
                + customer.getErasedAt() + "; if the person comes back, register them as a new customer");
        check.require(!customer.isTombstone(), "customerId", "customer " + customerId + " was merged into customer "
                + customer.getMergedInto() + "; record consent there");
        ConsentPurpose purpose = Inputs.enumValue(ConsentPurpose.class, input.purpose(), "purpose", true, check);
        check.require(input.given() != null, "given", "is required: true (consent given) or false (withdrawn)");
        check.throwIfAny();
        objections.requireNoObjection(caller, customer.getId(), purpose, input.given());
        ConsentRecord record = new ConsentRecord(customer.getId(), purpose, input.given(), input.source(),
                input.textVersion(), caller.username(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        consents.store(record);
        audit.record(caller, input.given() ? AuditActions.CONSENT_GIVE : AuditActions.CONSENT_WITHDRAW,
                AuditActions.CUSTOMER, String.valueOf(customerId), List.of("purpose=" + purpose,
                        "textVersion=" + record.getTextVersion(), "consent=" + record.getId()), AuditOutcome.SUCCESS);
        if (!record.isGiven()) {
            withdrawn.fire(new ConsentWithdrawn(customerId, purpose, caller.username()));
        }
        return view(record);
    }

    @Override
    public ConsentState state(Caller caller, long customerId) {
        policy.enforce(caller, Permission.CONSENT_READ, AuditActions.CONSENT, String.valueOf(customerId));
        customer(caller, customerId);
        List<ConsentRecord> history = consents.history(customerId);
        Map<String, Long> objected = objections.standing(customerId);
        Map<String, Boolean> inForce = new LinkedHashMap<>();
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            inForce.put(purpose.name(), !objected.containsKey(purpose.name()) && history.stream()
                    .filter(r -> r.getPurpose() == purpose).findFirst().map(ConsentRecord::isGiven).orElse(false));
        }
        audit.record(caller, AuditActions.CONSENT + "_READ", AuditActions.CUSTOMER, String.valueOf(customerId),
                List.of("records=" + history.size()), AuditOutcome.SUCCESS);
        return new ConsentState(customerId, inForce, history.stream().map(DefaultConsentService::view).toList(),
                objected);
    }

    @Override
    public List<Long> transcriptsWithoutConsent(long afterCommentId, int limit, Long customerId) {
        return consents.transcriptsWithoutConsent(afterCommentId, limit, customerId);
    }

    @Override
    public Removed removeTranscripts(List<Long> commentIds, Caller job) {
        // as a purge chunk: no hold can be placed until this commits, and every hold placed before is seen
        retention.shareHoldGuard();
        Set<Long> ticketIds = new TreeSet<>();
        tickets.comments(commentIds).forEach(comment -> ticketIds.add(comment.getTicket().getId()));
        Map<Long, RetentionSubject> subjects = new LinkedHashMap<>();
        retention.lockSubjects(ticketIds).forEach(subject -> subjects.put(subject.ticketId(), subject));
        // read again under the tickets' locks: a concurrent run that removed some first has committed by now
        List<Comment> found = tickets.comments(commentIds);
        List<LegalHold> holds = retention.holds(true);
        // asked once per customer in the chunk, not once per transcript
        Map<Long, Boolean> consenting = new LinkedHashMap<>();
        List<Long> remove = new ArrayList<>();
        List<AuditService.Entry> events = new ArrayList<>();
        int held = 0;
        for (Comment comment : found) {
            RetentionSubject subject = subjects.get(comment.getTicket().getId());
            // consent given again since the read, or not a transcript: left alone
            if (subject == null || comment.getChannel() != CommentChannel.CHAT
                    || consenting.computeIfAbsent(subject.customerId(),
                            customer -> consents.isGiven(customer, ConsentPurpose.CHAT_TRANSCRIPT_STORAGE))) {
                continue;
            }
            if (holds.stream().anyMatch(hold -> hold.covers(subject))) {
                held++;
                continue;
            }
            remove.add(comment.getId());
            events.add(new AuditService.Entry(AuditActions.TRANSCRIPT_REMOVE, AuditActions.COMMENT,
                    subject.ticketId() + "/" + comment.getId(), List.of("reason=consent withdrawn",
                            "purpose=" + ConsentPurpose.CHAT_TRANSCRIPT_STORAGE), AuditOutcome.SUCCESS));
        }
        tickets.deleteComments(remove);
        if (!events.isEmpty()) {
            audit.recordAll(job, events);
        }
        return new Removed(remove.size(), held);
    }

    /**
     * The customer, as a read of their personal data: 404 when unknown, 403 (audited) when the caller may not see
     * it, and 403 too when the policy would withhold their personal fields (another region without a transfer
     * rule): consent statements are personal data, and so is the fact that someone gave or withdrew one.
     */
    private Customer customer(Caller caller, long customerId) {
        Customer customer = customers.find(customerId).orElseThrow(() -> new ResourceNotFoundException("customer",
                customerId));
        Decision decision = policy.authorize(policy.contextFor(caller), Permission.CUSTOMER_READ,
                ResourceScope.of(customer));
        if (decision.basis() == Basis.NO_TRANSFER_RULE) {
            audit.record(caller, AuditActions.CONSENT, AuditActions.CUSTOMER, String.valueOf(customerId), null,
                    AuditOutcome.DENIED);
            throw new AccessDeniedException("customer " + customerId + " belongs to region " + customer.getRegion()
                    + ", whose personal data your regions may not see (no transfer rule); ask a colleague there");
        }
        return customer;
    }

    private static ConsentView view(ConsentRecord r) {
        return new ConsentView(r.getId(), r.getCustomerId(), r.getPurpose().name(), r.isGiven(), r.getRecordedAt(),
                r.getSource(), r.getTextVersion(), r.getRecordedBy());
    }
}
