package org.custodian.domain.model.privacy;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.custodian.domain.model.retention.RetentionSubject;

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

    /** Customers whose newest statement about the purpose gives consent. */
    Set<Long> customersConsenting(ConsentPurpose purpose);

    /**
     * In a restored copy ({@code connection}'s search path): removes the chat transcripts of every customer not in
     * {@code consenting}, except on tickets {@code held} says a legal hold covers.
     *
     * @return removed, kept by holds
     */
    int[] removeTranscriptsWithoutConsent(Connection connection, Set<Long> consenting,
            Predicate<RetentionSubject> held);
}
