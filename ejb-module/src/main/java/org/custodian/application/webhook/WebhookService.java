package org.custodian.application.webhook;

import java.time.Instant;
import java.util.List;
import org.custodian.application.shared.Caller;

/** A service account's webhooks (WEBHOOK_MANAGE, the {@code webhooks} scope): each account sees only its own. */
public interface WebhookService {

    /** Empty or null lists match everything. */
    record Filter(List<String> categories, List<String> regions, List<String> priorities) {
    }

    record NewWebhook(String url, List<String> events, Filter filter) {
    }

    /** Null members change nothing; {@code state} is ACTIVE (resume) or PAUSED. */
    record Changes(String state, List<String> events, Filter filter) {
    }

    record WebhookView(long id, String url, List<String> events, Filter filter, String state, String account,
            Instant createdAt, String createdBy, Instant updatedAt) {
    }

    /** A new webhook: {@code secret} ({@code whsec_...}) is shown this once and never again. */
    record CreatedWebhook(long id, String url, List<String> events, Filter filter, String state, String secret,
            Instant createdAt) {
    }

    /** A delivery that failed its last attempt; {@code webhookId} is the {@code webhook-id} header it carries. */
    record DeadLetterView(long id, String webhookId, String type, String resource, int attempts, Integer lastStatus,
            String lastError, Instant occurredAt, Instant deadAt, String status) {
    }

    /** Refused with 422 (naming the field) for a bad URL, a target the SSRF rules refuse, unknown events. */
    CreatedWebhook register(Caller caller, NewWebhook webhook);

    List<WebhookView> list(Caller caller);

    WebhookView get(Caller caller, long id);

    WebhookView change(Caller caller, long id, Changes changes);

    void delete(Caller caller, long id);

    List<DeadLetterView> deadLetters(Caller caller, long id);

    /** Sends a dead letter again: a fresh round of attempts, the same {@code webhook-id}. */
    DeadLetterView replay(Caller caller, long id, long deliveryId);
}
