package org.custodian.infrastructure.batch.retention;

import java.io.Serializable;
import java.time.Instant;

/**
 * Where the reader stands: the last ticket id handed out, the asOf instant the whole job instance uses, and how
 * many tickets it has examined so far (over every restart, which the step's READ_COUNT of one execution is not).
 */
public record RetentionCheckpoint(long lastTicketId, Instant asOf, long examined) implements Serializable {

    private static final long serialVersionUID = 2L;

    RetentionCheckpoint next(long ticketId) {
        return new RetentionCheckpoint(ticketId, asOf, examined + 1);
    }
}
