package org.custodian.domain.model.ticket;

/**
 * Where a comment came from. CHAT comments are chat transcripts: stored only while the customer consents to
 * CHAT_TRANSCRIPT_STORAGE, and removed (by the transcript-removal job) when that consent is withdrawn.
 */
public enum CommentChannel {
    AGENT, EMAIL, PHONE, CHAT
}
