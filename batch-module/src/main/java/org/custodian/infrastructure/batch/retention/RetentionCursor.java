package org.custodian.infrastructure.batch.retention;

import java.io.Serializable;
import java.time.Instant;

/** Where the reader stands: the last ticket id handed out, and the asOf instant the whole execution uses. */
public record RetentionCursor(long lastTicketId, Instant asOf) implements Serializable {

    private static final long serialVersionUID = 1L;
}
