package org.custodian.application.webhook;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.integration.ServiceAccount;
import org.custodian.domain.model.ticket.TicketPriority;
import org.custodian.domain.model.webhook.Webhook;
import org.custodian.domain.model.webhook.WebhookDelivery;
import org.custodian.domain.model.webhook.WebhookRepository;
import org.custodian.domain.shared.RuleCheck;

/**
 * Registration and upkeep of webhooks. The owner is the calling key's account: another account's webhook is
 * answered like an unknown id. The signing secret is made here, sealed, and shown once in the answer.
 */
@Stateless
public class DefaultWebhookService implements WebhookService {

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private WebhookRepository webhooks;

    @Inject
    private WebhookSettings settings;

    @Inject
    private WebhookSecretBox secrets;

    private final Clock clock = Clock.systemUTC();

    @Override
    public CreatedWebhook register(Caller caller, NewWebhook input) {
        String account = owner(caller, null);
        RuleCheck check = new RuleCheck();
        String url = checkedUrl(input.url(), check);
        List<String> events = events(caller, input.events(), check, true);
        Filter filter = filter(input.filter(), check);
        check.throwIfAny();
        byte[] secret = secrets.newSecret();
        Instant now = clock.instant();
        Webhook webhook = new Webhook(account, url, events, secrets.seal(account, secret), caller.username(), now);
        webhook.filter(filter.categories(), filter.regions(), filter.priorities());
        webhooks.store(webhook);
        audit.record(caller, WebhookAuditActions.WEBHOOK_CREATE, WebhookAuditActions.WEBHOOK,
                String.valueOf(webhook.getId()), entries(webhook), AuditOutcome.SUCCESS);
        return new CreatedWebhook(webhook.getId(), webhook.getUrl(), webhook.getEvents(), filterOf(webhook),
                webhook.getState().name(), WebhookSignature.secretText(secret), webhook.getCreatedAt());
    }

    @Override
    public List<WebhookView> list(Caller caller) {
        String account = owner(caller, null);
        return webhooks.ofAccount(account).stream().map(DefaultWebhookService::view).toList();
    }

    @Override
    public WebhookView get(Caller caller, long id) {
        return view(owned(caller, id));
    }

    @Override
    public WebhookView change(Caller caller, long id, Changes changes) {
        Webhook webhook = owned(caller, id);
        RuleCheck check = new RuleCheck();
        check.require(changes.state() != null || changes.events() != null || changes.filter() != null, "body",
                "name at least one of state, events, filter (the URL does not change: register a new webhook)");
        Webhook.State state = null;
        if (changes.state() != null) {
            try {
                state = Webhook.State.valueOf(changes.state().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                check.require(false, "state", "must be ACTIVE (resume) or PAUSED");
            }
        }
        List<String> events = changes.events() == null ? null : events(caller, changes.events(), check, true);
        Filter filter = changes.filter() == null ? null : filter(changes.filter(), check);
        check.throwIfAny();
        Instant now = clock.instant();
        if (state != null) {
            webhook.changeState(state, now);
        }
        if (events != null) {
            webhook.subscribe(events, now);
        }
        if (filter != null) {
            webhook.filter(filter.categories(), filter.regions(), filter.priorities());
            webhook.touch(now);
        }
        audit.record(caller, WebhookAuditActions.WEBHOOK_UPDATE, WebhookAuditActions.WEBHOOK, String.valueOf(id),
                entries(webhook), AuditOutcome.SUCCESS);
        return view(webhook);
    }

    @Override
    public void delete(Caller caller, long id) {
        Webhook webhook = owned(caller, id);
        audit.record(caller, WebhookAuditActions.WEBHOOK_DELETE, WebhookAuditActions.WEBHOOK, String.valueOf(id),
                entries(webhook), AuditOutcome.SUCCESS);
        // its outbox goes with it (on delete cascade): nobody is left to receive those events
        webhooks.delete(webhook);
    }

    @Override
    public List<DeadLetterView> deadLetters(Caller caller, long id) {
        owned(caller, id);
        return webhooks.deadLetters(id).stream().map(DefaultWebhookService::deadLetter).toList();
    }

    @Override
    public DeadLetterView replay(Caller caller, long id, long deliveryId) {
        owned(caller, id);
        WebhookDelivery delivery = webhooks.findDelivery(deliveryId).filter(found -> found.getWebhookId() == id)
                .orElseThrow(() -> new ResourceNotFoundException("dead letter", deliveryId));
        if (delivery.getStatus() != WebhookDelivery.Status.DEAD) {
            throw new ConflictException("delivery " + deliveryId + " is " + delivery.getStatus()
                    + ", not a dead letter: only a dead letter is replayed");
        }
        delivery.replay(clock.instant());
        audit.record(caller, WebhookAuditActions.WEBHOOK_REPLAY, WebhookAuditActions.WEBHOOK, String.valueOf(id),
                List.of("delivery=" + deliveryId, "webhook-id=" + delivery.getMessageId(),
                        "event=" + delivery.getEventType()), AuditOutcome.SUCCESS);
        return deadLetter(delivery);
    }

    /** The calling key's account; WEBHOOK_MANAGE is for keys only, so a person never gets here. */
    private String owner(Caller caller, String resourceId) {
        policy.enforce(caller, Permission.WEBHOOK_MANAGE, WebhookAuditActions.WEBHOOK, resourceId);
        return accountOf(caller.username());
    }

    /** {@code svc:<account>/<keyId>} → {@code <account>}. */
    static String accountOf(String callerName) {
        if (callerName == null || !callerName.startsWith(ServiceAccount.CALLER_PREFIX) || !callerName.contains("/")) {
            throw new IllegalStateException("not a service account's caller: " + callerName);
        }
        return callerName.substring(ServiceAccount.CALLER_PREFIX.length(), callerName.indexOf('/'));
    }

    private Webhook owned(Caller caller, long id) {
        String account = owner(caller, String.valueOf(id));
        return webhooks.find(id).filter(found -> found.getAccount().equals(account))
                .orElseThrow(() -> new ResourceNotFoundException("webhook", id));
    }

    private String checkedUrl(String url, RuleCheck check) {
        try {
            return settings.targets().check(url, InetAddress::getAllByName).uri().toString();
        } catch (WebhookTargets.RefusedException e) {
            check.require(false, "url", e.getMessage());
            return null;
        }
    }

    private List<String> events(Caller caller, List<String> requested, RuleCheck check, boolean required) {
        if (requested == null || requested.isEmpty()) {
            check.require(!required, "events", "name at least one of " + WebhookEvents.TYPES);
            return List.of();
        }
        LinkedHashSet<String> events = new LinkedHashSet<>();
        for (String event : requested) {
            String type = event == null ? "" : event.trim().toLowerCase(Locale.ROOT);
            if (!WebhookEvents.TYPES.contains(type)) {
                check.require(false, "events", "'" + event + "' is not an event; events are " + WebhookEvents.TYPES);
                continue;
            }
            // an event about records the key may not read would never carry anything: say so now
            Permission read = type.startsWith("ticket.") ? Permission.TICKET_READ : Permission.CUSTOMER_READ;
            check.require(policy.allows(caller, read), "events", type + " needs a key that may read "
                    + (read == Permission.TICKET_READ ? "tickets (scope tickets:read)" : "customers (scope"
                            + " customers:read)"));
            events.add(type);
        }
        return new ArrayList<>(events);
    }

    private static Filter filter(Filter filter, RuleCheck check) {
        if (filter == null) {
            return new Filter(List.of(), List.of(), List.of());
        }
        List<String> regions = new ArrayList<>();
        for (String region : nonNull(filter.regions())) {
            Region.parse(region).ifPresentOrElse(found -> regions.add(found.name()), () -> check.require(false,
                    "filter.regions", "'" + region + "' is not a region; regions are " + Region.allowedValues()));
        }
        List<String> priorities = new ArrayList<>();
        for (String priority : nonNull(filter.priorities())) {
            try {
                priorities.add(TicketPriority.valueOf(priority.trim().toUpperCase(Locale.ROOT)).name());
            } catch (IllegalArgumentException e) {
                check.require(false, "filter.priorities", "'" + priority + "' is not a priority");
            }
        }
        List<String> categories = new ArrayList<>();
        for (String category : nonNull(filter.categories())) {
            check.require(category.matches("[A-Za-z0-9_.-]{1,64}"), "filter.categories",
                    "'" + category + "' is not a category key");
            categories.add(category.trim());
        }
        return new Filter(categories, regions, priorities);
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values.stream().filter(value -> value != null).toList();
    }

    private static List<String> entries(Webhook webhook) {
        return List.of("target=" + origin(webhook.getUrl()), "events=" + String.join(",", webhook.getEvents()),
                "state=" + webhook.getState(), "account=" + webhook.getAccount());
    }

    /** Scheme, host and port only: a path or query may carry the receiver's own token. */
    static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static Filter filterOf(Webhook webhook) {
        return new Filter(webhook.getFilterCategories(), webhook.getFilterRegions(), webhook.getFilterPriorities());
    }

    private static WebhookView view(Webhook webhook) {
        return new WebhookView(webhook.getId(), webhook.getUrl(), webhook.getEvents(), filterOf(webhook),
                webhook.getState().name(), webhook.getAccount(), webhook.getCreatedAt(), webhook.getCreatedBy(),
                webhook.getUpdatedAt());
    }

    private static DeadLetterView deadLetter(WebhookDelivery delivery) {
        return new DeadLetterView(delivery.getId(), delivery.getMessageId(), delivery.getEventType(),
                delivery.getResourceType() + "/" + delivery.getResourceId(), delivery.getAttempts().getCount(),
                delivery.getLastStatus(), delivery.getAttempts().getLastError(), delivery.getOccurredAt(),
                delivery.getDeadAt(), delivery.getStatus().name());
    }
}
