package org.custodian.domain.model.privacy;

/** What a subject may consent to; without a record the privacy-preserving default applies (no consent). */
public enum ConsentPurpose {
    /** Keeping chat transcripts (comments with channel CHAT) with the ticket. */
    CHAT_TRANSCRIPT_STORAGE,
    /** Reviewing the subject's tickets for quality assurance. */
    QA_REVIEW,
    /** Routing the subject's tickets automatically by their content. */
    AI_ROUTING
}
