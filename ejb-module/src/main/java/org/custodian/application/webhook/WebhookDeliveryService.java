package org.custodian.application.webhook;

/** The webhook outbox, worked by {@link WebhookSchedule}. */
public interface WebhookDeliveryService {

    /** Sends one due delivery in a transaction of its own; false when none was due. */
    boolean deliverNext();
}
