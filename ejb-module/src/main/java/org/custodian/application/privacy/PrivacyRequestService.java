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

    RequestView complete(Caller caller, long id, String outcome);

    RequestView reject(Caller caller, long id, String reason);

    RequestView extend(Caller caller, long id, String reason);

    RequestView assign(Caller caller, long id, String assignee);

    /** @param customerId a known record of the subject; email and phone find every record with them */
    record NewRequest(String type, Long customerId, String email, String phone, String receivedAt,
            String assignee) {
    }

    record RequestView(long id, String type, String status, Set<Long> subjectCustomerIds, Instant receivedAt,
            Instant dueAt, boolean overdue, String extensionReason, String identityMethod, String verifiedBy,
            Instant verifiedAt, String assignee, Long blockingHoldId, String outcome, String createdBy,
            Instant updatedAt, long version) {
    }
}
