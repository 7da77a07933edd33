package org.custodian.application.webhook;

/** The audit actions and resource type of webhooks. Never the secret; of the URL only its origin. */
public final class WebhookAuditActions {

    public static final String WEBHOOK_CREATE = "WEBHOOK_CREATE";
    public static final String WEBHOOK_UPDATE = "WEBHOOK_UPDATE";
    public static final String WEBHOOK_DELETE = "WEBHOOK_DELETE";
    /** An event reached its webhook (2xx); fields: event, webhook-id, attempt, status. */
    public static final String WEBHOOK_DELIVERED = "WEBHOOK_DELIVERED";
    /** An event failed its last attempt and went to the dead-letter list. */
    public static final String WEBHOOK_DEAD_LETTER = "WEBHOOK_DEAD_LETTER";
    public static final String WEBHOOK_REPLAY = "WEBHOOK_REPLAY";
    public static final String WEBHOOK = "WEBHOOK";

    private WebhookAuditActions() {
    }
}
