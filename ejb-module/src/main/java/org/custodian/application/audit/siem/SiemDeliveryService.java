package org.custodian.application.audit.siem;

/** Delivers the audit trail to the configured SIEM collector, in order, from its stored position. */
public interface SiemDeliveryService {

    /**
     * Sends the next batch after the delivery position and moves the position if the collector took it.
     *
     * @return the number of events delivered (0 when there is nothing to send, nothing configured, or it failed)
     */
    int deliverNext();

    Status status();

    /** What /health shows: where delivery stands and what went wrong last. */
    record Status(boolean configured, String target, String format, long deliveredSequence, long backlog,
            String lastError, long failures) implements java.io.Serializable {
    }
}
