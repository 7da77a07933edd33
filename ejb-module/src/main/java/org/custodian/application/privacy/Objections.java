package org.custodian.application.privacy;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.CustomerMergeRepository;
import org.custodian.domain.model.privacy.ConsentPurpose;
import org.custodian.domain.model.privacy.ConsentRecord;
import org.custodian.domain.model.privacy.ConsentRepository;
import org.custodian.domain.model.privacy.ObjectionRepository;
import org.custodian.domain.model.privacy.PrivacyRequest;
import org.custodian.domain.model.privacy.PrivacyRequestType;
import org.custodian.domain.model.privacy.ProcessingObjection;

/**
 * Carrying out an objection (Art. 21 GDPR) and keeping it: each purpose it names becomes refused for every record of
 * the subject by the path a withdrawn consent takes (a withdrawal is recorded, with the request as its source, so
 * every place that asks for consent stops, and withdrawing CHAT_TRANSCRIPT_STORAGE starts the transcript removal),
 * and an objection row keeps it refused: a consent recorded later for that purpose is refused (409).
 */
@Stateless
public class Objections {

    /** The wording version of the withdrawals an objection writes: the subject's words are in the request. */
    static final String TEXT_VERSION = "art21-objection";

    @EJB
    private AuditService audit;

    @Inject
    private ConsentRepository consents;

    @Inject
    private ObjectionRepository objections;

    @Inject
    private Event<ConsentWithdrawn> withdrawn;

    @Inject
    private CustomerMergeRepository merges;

    /**
     * Within the caller's transaction: records the objection for every subject record of the IN_PROGRESS OBJECTION
     * {@code request} and completes it; {@code named} (null: the purposes named at registration) replaces the
     * purposes first.
     */
    public void carryOut(Caller caller, PrivacyRequest request, Set<ConsentPurpose> named, Instant now) {
        request.requireCarriedOutAs(PrivacyRequestType.OBJECTION);
        if (named != null || request.getPurposes().isEmpty()) {
            request.objectTo(named, now);
        }
        Set<ConsentPurpose> purposes = request.getPurposes();
        List<ProcessingObjection> standing = objections.ofCustomers(request.getSubjectCustomerIds());
        int made = 0;
        for (Long customerId : new TreeSet<>(request.getSubjectCustomerIds())) {
            Set<ConsentPurpose> already = EnumSet.noneOf(ConsentPurpose.class);
            standing.stream().filter(o -> o.getCustomerId() == customerId).forEach(o -> already.add(o.getPurpose()));
            List<String> stopped = new ArrayList<>();
            for (ConsentPurpose purpose : purposes) {
                if (already.contains(purpose)) {
                    continue;
                }
                objections.store(new ProcessingObjection(request.getId(), customerId, purpose, caller.username(),
                        now));
                // the enforcement path of a withdrawn consent: the newest statement now refuses the purpose
                consents.store(new ConsentRecord(customerId, purpose, false, "objection (Art. 21 GDPR), privacy"
                        + " request " + request.getId(), TEXT_VERSION, caller.username(), now));
                withdrawn.fire(new ConsentWithdrawn(customerId, purpose, caller.username()));
                stopped.add(purpose.name());
                made++;
            }
            audit.record(caller, PrivacyObligationActions.CUSTOMER_OBJECT, AuditActions.CUSTOMER,
                    String.valueOf(customerId), List.of("request=" + request.getId(),
                            "purposes=" + String.join("+", stopped), "already=" + already.size()),
                    AuditOutcome.SUCCESS);
        }
        request.carriedOut(PrivacyRequestType.OBJECTION, "Stopped " + names(purposes) + " for "
                + request.getSubjectCustomerIds().size() + " customer record(s) (" + made + " new objection(s));"
                + " consent recorded later for these purposes is refused", now);
    }

    /**
     * Refuses (409) a consent given for a purpose the subject objected to; a withdrawal always passes.
     */
    public void requireNoObjection(Caller caller, long customerId, ConsentPurpose purpose, boolean given) {
        if (!given) {
            return;
        }
        // a record merged with the objector's since (#23) is the same person: their objection holds there too
        for (ProcessingObjection objection : objections.ofCustomers(merges.withMerged(Set.of(customerId)))) {
            if (objection.getPurpose() == purpose) {
                // a 409 rolls the transaction back: nothing was written, so there is nothing to audit
                throw new ConflictException("customer " + customerId + " objected to " + purpose + " (Art. 21 GDPR,"
                        + " privacy request " + objection.getRequestId() + ", " + objection.getObjectedAt()
                        + "): processing for it stays stopped and a consent to it cannot be recorded");
            }
        }
    }

    /** Purpose to the request whose objection refuses it, for one customer record. */
    public Map<String, Long> standing(long customerId) {
        Map<String, Long> refused = new TreeMap<>();
        objections.ofCustomers(merges.withMerged(Set.of(customerId)))
                .forEach(o -> refused.put(o.getPurpose().name(), o.getRequestId()));
        return refused;
    }

    private static String names(Set<ConsentPurpose> purposes) {
        return String.join(", ", purposes.stream().map(Enum::name).toList());
    }
}
