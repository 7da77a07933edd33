package org.custodian.application.webhook;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.custodian.application.audit.AuditService;
import org.custodian.application.customer.CustomerService;
import org.custodian.application.policy.ApiScope;
import org.custodian.application.shared.AccessDeniedException;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.application.ticket.CommentView;
import org.custodian.application.ticket.TicketService;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.integration.ServiceAccount;
import org.custodian.domain.model.integration.ServiceAccountRepository;
import org.custodian.domain.model.webhook.Webhook;
import org.custodian.domain.model.webhook.WebhookDelivery;
import org.custodian.domain.model.webhook.WebhookRepository;

/**
 * Delivers the outbox, one row per transaction. The payload is what the owning account's own GET returns now (the
 * same services, as that account: the policy masks and hides exactly as for its key, and the read is audited as
 * its read); the target is checked against the SSRF rules again before every attempt (DNS may have changed);
 * any answer but 2xx, a redirect included, is a failed attempt. Delivery is at least once: a receiver that took
 * the event but answered too late gets it again, with the same {@code webhook-id}.
 */
@Stateless
public class DefaultWebhookDeliveryService implements WebhookDeliveryService {

    private static final Logger LOG = Logger.getLogger(DefaultWebhookDeliveryService.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @EJB
    private AuditService audit;

    @EJB
    private TicketService tickets;

    @EJB
    private CustomerService customers;

    @Inject
    private WebhookRepository webhooks;

    @Inject
    private ServiceAccountRepository accounts;

    @Inject
    private WebhookSettings settings;

    @Inject
    private WebhookSecretBox secrets;

    @Inject
    private WebhookTransport transport;

    private final Clock clock = Clock.systemUTC();

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean deliverNext() {
        Instant now = clock.instant();
        WebhookDelivery row = webhooks.lockNextDue(now).orElse(null);
        if (row == null) {
            return false;
        }
        Webhook webhook = webhooks.find(row.getWebhookId()).orElseThrow();
        Caller system = Caller.system("webhook-outbox", "webhook-" + row.getId());
        String resource = String.valueOf(webhook.getId());
        ServiceAccount account = accounts.find(webhook.getAccount()).orElse(null);
        if (account == null || !account.isActiveAt(now)) {
            row.skipped("the service account " + webhook.getAccount() + " is disabled or expired");
            return true;
        }
        Caller reader = new Caller(ServiceAccount.callerName(account.getName(), "webhook-" + webhook.getId()),
                ApiScope.rolesOf(account.getScopes()), account.getRegions(), "webhook-" + row.getMessageId(), null,
                account.getScopes());
        String body;
        try {
            body = JSON.toJson(payload(reader, row));
        } catch (ResourceNotFoundException | AccessDeniedException e) {
            // erased, purged, or no longer the account's to read: nothing may be sent
            row.skipped("not readable by the account any more: " + e.getMessage());
            return true;
        }
        long timestamp = now.getEpochSecond();
        Integer status = null;
        String error;
        try {
            WebhookTargets.Checked target = settings.targets().check(webhook.getUrl(), InetAddress::getAllByName);
            String signature = WebhookSignature.sign(secrets.open(account.getName(), webhook.getSecretSealed()),
                    row.getMessageId(), timestamp, body);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("webhook-id", row.getMessageId());
            headers.put("webhook-timestamp", String.valueOf(timestamp));
            headers.put("webhook-signature", signature);
            headers.put("Content-Type", "application/json");
            status = transport.post(target, headers, body, settings.timeout());
            error = status >= 200 && status < 300 ? null
                    : status >= 300 && status < 400 ? "answered " + status + " (a redirect is not followed)"
                    : "answered " + status;
        } catch (WebhookTargets.RefusedException e) {
            error = "target refused: the URL " + e.getMessage();
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        List<String> fields = List.of("event=" + row.getEventType(), "webhook-id=" + row.getMessageId(),
                "resource=" + row.getResourceType() + "/" + row.getResourceId(),
                "attempt=" + (row.getAttempts().getCount() + 1),
                "status=" + (status == null ? "none" : status));
        if (error == null) {
            row.delivered(status, now);
            audit.record(system, WebhookAuditActions.WEBHOOK_DELIVERED, WebhookAuditActions.WEBHOOK, resource, fields,
                    AuditOutcome.SUCCESS);
            return true;
        }
        row.failed(status, error, now, settings.retry());
        String why = error;
        LOG.warning(() -> "Webhook " + webhook.getId() + " event " + row.getMessageId() + " not delivered (attempt "
                + row.getAttempts().getCount() + "): " + why);
        if (row.getStatus() == WebhookDelivery.Status.DEAD) {
            audit.record(system, WebhookAuditActions.WEBHOOK_DEAD_LETTER, WebhookAuditActions.WEBHOOK, resource,
                    fields, AuditOutcome.FAILURE);
        }
        return true;
    }

    /** The Standard Webhooks envelope: type, timestamp (of the change), data (as the account's GET shows it). */
    private Map<String, Object> payload(Caller reader, WebhookDelivery row) {
        Map<String, Object> data;
        if (row.getResourceType().equals("customer")) {
            data = customers.get(reader, row.getResourceId()).body();
        } else {
            Map<String, Object> ticket = tickets.get(reader, row.getResourceId()).body();
            if (row.getCommentId() == null) {
                data = ticket;
            } else {
                // a comment the account may not see (an internal one without that permission) is not sent
                CommentView comment = tickets.comments(reader, row.getResourceId()).stream()
                        .filter(each -> each.id() == row.getCommentId()).findFirst()
                        .orElseThrow(() -> new ResourceNotFoundException("comment", row.getCommentId()));
                data = new LinkedHashMap<>();
                data.put("ticket", ticket);
                data.put("comment", comment.body());
            }
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", row.getEventType());
        envelope.put("timestamp", row.getOccurredAt().toString());
        envelope.put("data", data);
        return envelope;
    }
}
