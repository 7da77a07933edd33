package org.custodian.domain.model.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

public interface PrivacyRequestRepository {

    void store(PrivacyRequest request);

    /** The request, locked until the transaction ends, so two steps on it cannot interleave. */
    Optional<PrivacyRequest> findForUpdate(long id);

    Optional<PrivacyRequest> find(long id);

    /** All requests, soonest due first. */
    List<PrivacyRequest> all();

    /** Open requests (neither completed nor rejected) due before the instant, soonest first. */
    List<PrivacyRequest> openDueBefore(Instant before);

    /**
     * Ids of the customer records that are the subject: exact e-mail address (ignoring case) or the same phone
     * number (digits only), across all records, so a person stored twice is found twice.
     */
    Set<Long> customersMatching(String email, String phone);
}
