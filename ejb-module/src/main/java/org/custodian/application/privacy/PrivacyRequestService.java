package org.custodian.application.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.custodian.application.shared.Caller;

/** The register of data subject requests (privacy officer); every step is audited. */
public interface PrivacyRequestService {

    RequestView register(Caller caller, NewRequest request);

    /**
     * The register, soonest due first: all, only {@code overdue} ones, or open ones due within
     * {@code dueWithinDays} days (the due-soon list).
     */
    List<RequestView> list(Caller caller, boolean overdue, Integer dueWithinDays);

    RequestView get(Caller caller, long id);

    RequestView verifyIdentity(Caller caller, long id, String method);

    /** Starts the work; an erasure that a legal hold covers becomes BLOCKED_BY_HOLD, naming the hold. */
    RequestView start(Caller caller, long id);

    /** Completes a request other than an erasure, saying what was done. */
    RequestView complete(Caller caller, long id, String outcome);

    /**
     * Carries out an ERASURE request that is IN_PROGRESS: anonymizes every record of the subject (see
     * {@link org.custodian.domain.model.privacy.ErasureLedger}), records the erasure in the ledger with its receipt
     * and completes the request, in one transaction with the audit events. A legal hold placed on the subject since
     * the work started blocks it instead (BLOCKED_BY_HOLD, naming the hold) and erases nothing.
     */
    RequestView erase(Caller caller, long id);

    /**
     * Carries out a RESTRICTION request that is IN_PROGRESS: the subject's records are stored but shown only to
     * privacy officers, left out of searches and of retention, until lifted; completes the request.
     */
    RequestView restrict(Caller caller, long id);

    /** Lifts the restrictions a RESTRICTION request made (the subject was told beforehand, Art. 18(3)). */
    List<RestrictionView> liftRestriction(Caller caller, long id, String reason);

    /** The restrictions a request made, active or lifted. */
    List<RestrictionView> restrictions(Caller caller, long id);

    record RestrictionView(long id, long requestId, long customerId, Instant restrictedAt, String restrictedBy,
            boolean active, Instant liftedAt, String liftedBy, String liftReason) {
    }

    /**
     * Rectifies one of the subject's records for a RECTIFICATION request that is IN_PROGRESS (Art. 16): given fields
     * are corrected (empty clears), with the before and after values in the trail as keyed hashes; the request is
     * completed with {@code complete} once every record is right.
     */
    Rectified rectify(Caller caller, long id, Rectification rectification);

    /** @param customerId one of the request's subject records; null fields are left as they are */
    record Rectification(Long customerId, String name, String email, String phone, String nationalId) {
    }

    record Rectified(long requestId, long customerId, List<String> changedFields) {
    }

    /** The receipt of a carried-out erasure: what was erased, when, what was kept and on which legal basis (JSON). */
    String erasureReceipt(Caller caller, long id);

    RequestView reject(Caller caller, long id, String reason);

    RequestView extend(Caller caller, long id, String reason);

    RequestView assign(Caller caller, long id, String assignee);

    /**
     * Carries out an OBJECTION request that is IN_PROGRESS (Art. 21, #25): each purpose it names (or
     * {@code purposes}, when given) becomes refused for every record of the subject, by the path of a withdrawn
     * consent, and stays refused; completes the request.
     */
    RequestView object(Caller caller, long id, List<String> purposes);

    /**
     * @param customerId a known record of the subject; email and phone find every record with them
     * @param purposes OBJECTION only (required there): the consent purposes objected to
     */
    record NewRequest(String type, Long customerId, String email, String phone, String receivedAt,
            String assignee, List<String> purposes) {

        public NewRequest(String type, Long customerId, String email, String phone, String receivedAt,
                String assignee) {
            this(type, customerId, email, phone, receivedAt, assignee, null);
        }
    }

    record RequestView(long id, String type, String status, Set<Long> subjectCustomerIds, Instant receivedAt,
            Instant dueAt, boolean overdue, String extensionReason, String identityMethod, String verifiedBy,
            Instant verifiedAt, String assignee, Long blockingHoldId, String outcome, String createdBy,
            Instant updatedAt, long version, List<String> purposes) implements java.io.Serializable {
    }
}
