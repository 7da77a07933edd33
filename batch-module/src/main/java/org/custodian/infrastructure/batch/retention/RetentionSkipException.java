package org.custodian.infrastructure.batch.retention;

/** An item that cannot be carried out; skippable, so the job records it and goes on. */
public class RetentionSkipException extends RuntimeException {

    private final long ticketId;

    public RetentionSkipException(long ticketId, String reason) {
        super(reason);
        this.ticketId = ticketId;
    }

    public long ticketId() {
        return ticketId;
    }
}
