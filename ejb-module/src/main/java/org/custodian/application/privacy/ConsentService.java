package org.custodian.application.privacy;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodian.application.shared.Caller;

/**
 * Consent records (Art. 7): agents record what a customer says, privacy officers look it up. Withdrawing the
 * storage of chat transcripts starts the transcript-removal job for that customer once the withdrawal commits.
 */
public interface ConsentService {

    ConsentView record(Caller caller, long customerId, NewConsent consent);

    /** The customer's statements, newest first, and what is in force per purpose. */
    ConsentState state(Caller caller, long customerId);

    /**
     * Chat transcripts, in id order after {@code afterCommentId}, whose customer has no storage consent in force
     * (of one customer, when {@code customerId} is given): what the transcript-removal job reads.
     */
    List<Long> transcriptsWithoutConsent(long afterCommentId, int limit, Long customerId);

    /**
     * Removes those transcripts that still have no consent and that no legal hold covers, in the caller's
     * transaction, with one audit event each; returns how many were removed and how many a hold kept.
     */
    Removed removeTranscripts(List<Long> commentIds, Caller job);

    /** @param given true: consent given; false: withdrawn */
    record NewConsent(String purpose, Boolean given, String source, String textVersion) {
    }

    record ConsentView(long id, long customerId, String purpose, boolean given, Instant recordedAt, String source,
            String textVersion, String recordedBy) implements java.io.Serializable {
    }

    /**
     * @param inForce purpose to whether consent is in force now (every purpose listed; none recorded: false)
     * @param objections purpose to the privacy request whose objection (Art. 21) refuses it for good (#25)
     */
    record ConsentState(long customerId, Map<String, Boolean> inForce, List<ConsentView> history,
            Map<String, Long> objections) implements java.io.Serializable {
    }

    record Removed(int removed, int held) implements Serializable {
    }
}
