package org.custodian.application.customer;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.AccessContext;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.policy.ResourceScope;
import org.custodian.application.privacy.ConsentWithdrawn;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerMergeRepository;
import org.custodian.domain.model.customer.CustomerRepository;
import org.custodian.domain.model.privacy.ConsentPurpose;
import org.custodian.domain.model.privacy.ConsentRecord;
import org.custodian.domain.model.privacy.ConsentRepository;
import org.custodian.domain.model.privacy.ProcessingRestriction;
import org.custodian.domain.model.privacy.RestrictionRepository;
import org.custodian.domain.model.retention.RetentionRepository;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultCustomerMergeService implements CustomerMergeService {

    static final int REASON_MAX = 500;

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private CustomerRepository customers;

    @Inject
    private CustomerMergeRepository merges;

    @Inject
    private ConsentRepository consents;

    @Inject
    private RestrictionRepository restrictions;

    @Inject
    private RetentionRepository retention;

    @Inject
    private Event<ConsentWithdrawn> withdrawn;

    private final Clock clock = Clock.systemUTC();

    @Override
    public MergeView merge(Caller caller, long survivorId, Long duplicateId, String reason) {
        policy.enforce(caller, Permission.CUSTOMER_MERGE, AuditActions.CUSTOMER, String.valueOf(survivorId));
        String why = reason == null ? null : reason.strip();
        RuleCheck check = new RuleCheck()
                .require(duplicateId != null, "duplicateId", "is required: the id of the duplicate record to merge"
                        + " into this one")
                .require(duplicateId == null || duplicateId != survivorId, "duplicateId",
                        "must be another customer: a record cannot be merged into itself")
                .require(why != null && !why.isEmpty(), "reason", "is required: say why both records are the same"
                        + " person (kept in the audit trail)");
        if (why != null && !why.isEmpty()) {
            check.requireMultilineText(why, "reason", REASON_MAX); // length, and no control characters
        }
        check.throwIfAny();
        // a hold placed meanwhile would land on a record whose tickets are moving: holds wait for this to commit
        retention.lockHoldGuard();
        // both locked, lower id first, so two merges of the same pair cannot deadlock
        Customer first = lock(Math.min(survivorId, duplicateId));
        Customer second = lock(Math.max(survivorId, duplicateId));
        Customer survivor = first.getId() == survivorId ? first : second;
        Customer duplicate = survivor == first ? second : first;
        AccessContext context = policy.contextFor(caller);
        policy.authorize(context, Permission.CUSTOMER_MERGE, ResourceScope.of(survivor));
        policy.authorize(context, Permission.CUSTOMER_MERGE, ResourceScope.of(duplicate));
        refuseUnsafe(survivor, duplicate);

        Map<ConsentPurpose, ConsentRecord> before = newest(consents.history(survivorId));
        List<ConsentRecord> duplicateHistory = consents.history(duplicateId);
        Map<ConsentPurpose, ConsentRecord> duplicates = newest(duplicateHistory);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        duplicate.mergeInto(survivor, now);
        CustomerMergeRepository.Moved moved = merges.move(duplicateId, survivorId);
        int copied = copyConsents(duplicateHistory, survivorId, duplicateId);
        int withdrawals = keepMostProtective(caller, survivorId, duplicateId, before, duplicates, now);
        int restricted = restrictBoth(caller, survivorId, duplicateId, now);

        audit.record(caller, AuditActions.CUSTOMER_MERGED, AuditActions.CUSTOMER, String.valueOf(duplicateId),
                List.of("into=" + survivorId, "tickets=" + moved.tickets(), "comments=" + moved.comments(),
                        "consents=" + copied, "requests=" + moved.requests(), "holds=" + moved.holds(),
                        "tombstones=" + moved.tombstones(), "reason=" + why), AuditOutcome.SUCCESS);
        audit.record(caller, AuditActions.CUSTOMER_MERGED, AuditActions.CUSTOMER, String.valueOf(survivorId),
                List.of("from=" + duplicateId, "reason=" + why), AuditOutcome.SUCCESS);
        return new MergeView(survivorId, duplicateId, now, moved.tickets(), moved.comments(), copied,
                withdrawals, moved.requests(), moved.holds(), restricted, moved.tombstones());
    }

    @Override
    public boolean mayMergeInto(Caller caller, long survivorId) {
        if (!policy.allows(caller, Permission.CUSTOMER_MERGE)) {
            return false;
        }
        Customer survivor = customers.find(survivorId).orElse(null);
        return survivor != null && !survivor.isTombstone() && survivor.getErasedAt() == null
                && policy.allowsIn(caller, Permission.CUSTOMER_MERGE, survivor.getRegion());
    }

    private Customer lock(long id) {
        return customers.findForUpdate(id).orElseThrow(() -> new ResourceNotFoundException("customer", id));
    }

    /** 409 for merges that would lose or hide something; the caller can fix each by acting on the right record. */
    private void refuseUnsafe(Customer survivor, Customer duplicate) {
        if (survivor.isTombstone()) {
            throw new ConflictException("customer " + survivor.getId() + " was itself merged into customer "
                    + survivor.getMergedInto() + "; merge the duplicate into customer " + survivor.getMergedInto());
        }
        if (duplicate.isTombstone()) {
            throw new ConflictException("customer " + duplicate.getId() + " was already merged into customer "
                    + duplicate.getMergedInto());
        }
        if (survivor.getErasedAt() != null || duplicate.getErasedAt() != null) {
            throw new ConflictException("customer " + (survivor.getErasedAt() != null ? survivor : duplicate).getId()
                    + " was erased; an erased record takes no part in a merge");
        }
        List<Long> erasures = merges.openErasuresOf(List.of(survivor.getId(), duplicate.getId()));
        if (!erasures.isEmpty()) {
            // the erasure decides which records go; moving tickets under it would change what it erases
            throw new ConflictException("an erasure request (" + erasures + ") about one of these customers is"
                    + " open; carry it out or reject it before merging");
        }
    }

    /**
     * The duplicate's statements, as the survivor's: consent records are append-only (never updated, kept live by a
     * restore), so they are copied with their time, wording and recorder; the duplicate keeps its own.
     */
    private int copyConsents(List<ConsentRecord> history, long survivorId, long duplicateId) {
        for (ConsentRecord record : history) {
            String source = "merge of customer " + duplicateId + ": " + record.getSource();
            consents.store(new ConsentRecord(survivorId, record.getPurpose(), record.isGiven(),
                    source.length() > 200 ? source.substring(0, 200) : source, record.getTextVersion(),
                    record.getRecordedBy(), record.getRecordedAt()));
        }
        return history.size();
    }

    private static Map<ConsentPurpose, ConsentRecord> newest(List<ConsentRecord> history) {
        Map<ConsentPurpose, ConsentRecord> newest = new EnumMap<>(ConsentPurpose.class);
        for (ConsentRecord record : history) {
            newest.putIfAbsent(record.getPurpose(), record); // the history is newest first
        }
        return newest;
    }

    /**
     * After the copy the newest statement of either record decides; where either record's state was a withdrawal,
     * a withdrawal is recorded on the survivor now, so the merged state is never less protective than either.
     */
    private int keepMostProtective(Caller caller, long survivorId, long duplicateId,
            Map<ConsentPurpose, ConsentRecord> survivorState, Map<ConsentPurpose, ConsentRecord> duplicateState,
            Instant now) {
        int withdrawals = 0;
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            ConsentRecord kept = survivorState.get(purpose);
            ConsentRecord other = duplicateState.get(purpose);
            ConsentRecord withdrawal = kept != null && !kept.isGiven() ? kept : other != null && !other.isGiven()
                    ? other : null;
            if (withdrawal == null || !consents.isGiven(survivorId, purpose)) {
                continue;
            }
            ConsentRecord record = new ConsentRecord(survivorId, purpose, false, "merge of customer " + duplicateId
                    + ": its consent was withdrawn", withdrawal.getTextVersion(), caller.username(), now);
            consents.store(record);
            withdrawals++;
            audit.record(caller, AuditActions.CONSENT_WITHDRAW, AuditActions.CUSTOMER, String.valueOf(survivorId),
                    List.of("purpose=" + purpose, "textVersion=" + record.getTextVersion(), "consent="
                            + record.getId(), "merge=" + duplicateId), AuditOutcome.SUCCESS);
            withdrawn.fire(new ConsentWithdrawn(survivorId, purpose, caller.username()));
        }
        return withdrawals;
    }

    /** An active restriction of either record now covers both, under the same request (lifted with it). */
    private int restrictBoth(Caller caller, long survivorId, long duplicateId, Instant now) {
        List<ProcessingRestriction> active = restrictions.activeOf(List.of(survivorId, duplicateId));
        Set<String> existing = new TreeSet<>();
        active.forEach(r -> existing.add(r.getRequestId() + "/" + r.getCustomerId()));
        List<ProcessingRestriction> made = new ArrayList<>();
        for (ProcessingRestriction restriction : active) {
            long other = restriction.getCustomerId() == survivorId ? duplicateId : survivorId;
            if (existing.add(restriction.getRequestId() + "/" + other)) {
                ProcessingRestriction extended = new ProcessingRestriction(restriction.getRequestId(), other,
                        caller.username(), now);
                restrictions.store(extended);
                made.add(extended);
            }
        }
        for (ProcessingRestriction extended : made) {
            audit.record(caller, AuditActions.CUSTOMER_RESTRICT, AuditActions.CUSTOMER,
                    String.valueOf(extended.getCustomerId()), List.of("request=" + extended.getRequestId(),
                            "restriction=" + extended.getId(), "merge=" + duplicateId), AuditOutcome.SUCCESS);
        }
        return made.size();
    }
}
