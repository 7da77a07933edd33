package org.custodian.domain.model.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.custodian.domain.shared.RetryPolicy;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {

    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void failuresBackOffExponentiallyUpToTheMaxThenTheDeliveryIsDeadAndAReplayKeepsItsId() {
        WebhookDelivery delivery = new WebhookDelivery(1, "msg_a", "ticket.created", "ticket", 42, null, T0);
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(2), 4);
        delivery.failed(503, "answered 503", T0, policy);
        assertEquals(T0.plusSeconds(30), delivery.getAttempts().getNextAt());
        delivery.failed(null, "ConnectException", T0, policy);
        assertEquals(T0.plusSeconds(60), delivery.getAttempts().getNextAt());
        delivery.failed(302, "answered 302", T0, policy);
        assertEquals(T0.plusSeconds(120), delivery.getAttempts().getNextAt(), "capped at the max");
        assertEquals(WebhookDelivery.Status.PENDING, delivery.getStatus());
        delivery.failed(500, "answered 500", T0, policy);
        assertEquals(WebhookDelivery.Status.DEAD, delivery.getStatus());
        assertEquals(T0, delivery.getDeadAt());
        assertEquals(500, delivery.getLastStatus());

        delivery.replay(T0.plusSeconds(600));
        assertEquals(WebhookDelivery.Status.PENDING, delivery.getStatus());
        assertEquals(0, delivery.getAttempts().getCount());
        assertNull(delivery.getDeadAt());
        assertEquals("msg_a", delivery.getMessageId());
        delivery.delivered(204, T0.plusSeconds(601));
        assertEquals(WebhookDelivery.Status.DELIVERED, delivery.getStatus());
        assertNull(delivery.getAttempts().getLastError());
    }

    @Test
    void aWebhookWantsItsEventsWithinItsFilterAndNothingWhilePaused() {
        Webhook webhook = new Webhook("erp", "https://hooks.example.com/", List.of("ticket.created",
                "customer.updated"), "sealed", "svc:erp/k1", T0);
        assertTrue(webhook.wants("ticket.created", "HARDWARE", "EU", "HIGH"));
        assertFalse(webhook.wants("ticket.updated", "HARDWARE", "EU", "HIGH"));
        webhook.filter(List.of("HARDWARE"), List.of("EU"), List.of("HIGH", "URGENT"));
        assertTrue(webhook.wants("ticket.created", "HARDWARE", "EU", "URGENT"));
        assertFalse(webhook.wants("ticket.created", "SOFTWARE", "EU", "HIGH"));
        assertFalse(webhook.wants("ticket.created", "HARDWARE", "US", "HIGH"));
        assertFalse(webhook.wants("ticket.created", "HARDWARE", "EU", "LOW"));
        // a customer has no category or priority: only the region filters it
        assertTrue(webhook.wants("customer.updated", null, "EU", null));
        assertFalse(webhook.wants("customer.updated", null, "US", null));
        webhook.changeState(Webhook.State.PAUSED, T0);
        assertFalse(webhook.wants("ticket.created", "HARDWARE", "EU", "HIGH"));
    }
}
