package org.custodian.application.mail;

import java.time.Instant;

/** A held mail as the agent who decides it sees it (subject and text already redacted at intake). */
public record HeldMailView(long id, String mailbox, String region, String from, String fromName, String subject,
        String text, String reason, String authentication, Instant receivedAt) implements java.io.Serializable {
}
