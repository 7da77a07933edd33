package org.custodian.domain.model.privacy;

import java.util.List;

public interface ConsentRepository {

    void store(ConsentRecord record);

    /** The customer's statements, newest first. */
    List<ConsentRecord> history(long customerId);

    /** Whether the newest statement of the customer about the purpose gives consent (none: it does not). */
    boolean isGiven(long customerId, ConsentPurpose purpose);

    /**
     * Ids of chat transcripts (comments with channel CHAT) after {@code afterCommentId}, in id order, whose customer
     * has no storage consent in force; of one customer's tickets only, when {@code customerId} is given.
     */
    List<Long> transcriptsWithoutConsent(long afterCommentId, int limit, Long customerId);
}
