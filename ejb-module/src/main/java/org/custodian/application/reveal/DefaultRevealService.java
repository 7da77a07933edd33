package org.custodian.application.reveal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.AccessContext;
import org.custodian.application.policy.Decision;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.policy.ResourceScope;
import org.custodian.application.policy.Shown;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.access.RevealGrant;
import org.custodian.domain.model.access.RevealGrantRepository;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerRepository;
import org.custodian.domain.model.policy.FieldPolicy;
import org.custodian.domain.model.policy.MaskStyle;
import org.custodian.domain.model.policy.Visibility;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketRepository;
import org.custodian.domain.shared.RuleCheck;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores a reveal grant after the policy allowed it, audits it with its reason in the same transaction, and answers
 * with the values as the one masking path ({@link Shown}) now shows them to the caller. The grant takes effect on
 * every later read of the record by this caller alone (API and portal), until it expires.
 */
@Stateless
public class DefaultRevealService implements RevealService {

    static final String MINUTES_KEY = "custodian.reveal.minutes";
    static final int MAX_MINUTES = 240;
    private static final int MAX_FIELDS = 10;
    private static final String CUSTOMER = "customer";
    private static final String TICKET = "ticket";
    private static final String ATTACHMENT = "attachment";

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private TicketRepository tickets;

    @Inject
    private CustomerRepository customers;

    @Inject
    private RevealGrantRepository grants;

    /** How long a reveal lasts (CUSTODIAN_REVEAL_MINUTES): short, it is for the call at hand. */
    @Inject
    @ConfigProperty(name = MINUTES_KEY, defaultValue = "15")
    int minutes;

    private final Clock clock = Clock.systemUTC();

    /** A value out of range is taken as the nearest bound, and said so: a reveal never fails on configuration. */
    @PostConstruct
    void checkConfiguration() {
        if (minutes < 1 || minutes > MAX_MINUTES) {
            int used = Math.max(1, Math.min(MAX_MINUTES, minutes));
            java.util.logging.Logger.getLogger(DefaultRevealService.class.getName()).warning(MINUTES_KEY
                    + " (CUSTODIAN_REVEAL_MINUTES) must be between 1 and " + MAX_MINUTES + ", not " + minutes
                    + "; using " + used);
            minutes = used;
        }
    }

    @Override
    public RevealView revealOnTicket(Caller caller, long ticketId, RevealRequest request) {
        policy.enforce(caller, Permission.FIELD_REVEAL, AuditActions.TICKET, String.valueOf(ticketId));
        AccessContext context = policy.contextFor(caller);
        List<String> keys = checked(request, context.policy(), List.of(TICKET, CUSTOMER, ATTACHMENT));
        Ticket ticket = tickets.find(ticketId).orElseThrow(() -> notFound(caller, AuditActions.TICKET, ticketId));
        Customer customer = ticket.getCustomer();
        List<String> ticketKeys = new ArrayList<>(ofEntity(keys, TICKET));
        // #24: attachment.content is revealed on the ticket its attachments belong to (a download while it lasts)
        ticketKeys.addAll(ofEntity(keys, ATTACHMENT));
        List<String> customerKeys = ofEntity(keys, CUSTOMER);
        // the ticket decides whether the caller may look at it at all (concealed SECURITY tickets answer 404)
        Decision onTicket = policy.authorizeReveal(context, ResourceScope.of(ticket), ticketKeys);
        Decision onCustomer = customerKeys.isEmpty() ? null
                : policy.authorizeReveal(context, ResourceScope.of(customer), customerKeys);
        RevealGrant grant = store(caller, ticket.getId(), customer.getId(), keys, request.reason());
        List<Shown> shown = new ArrayList<>();
        shown.add(showTicket(revealed(onTicket, keys), ticket, ticketKeys));
        if (onCustomer != null) {
            shown.add(showCustomer(revealed(onCustomer, keys), customer, customerKeys));
        }
        return audited(caller, AuditActions.TICKET, ticket.getId(), customerKeys.isEmpty() ? null : customer.getId(),
                grant, shown);
    }

    @Override
    public RevealView revealOnCustomer(Caller caller, long customerId, RevealRequest request) {
        policy.enforce(caller, Permission.FIELD_REVEAL, AuditActions.CUSTOMER, String.valueOf(customerId));
        AccessContext context = policy.contextFor(caller);
        List<String> keys = checked(request, context.policy(), List.of(CUSTOMER));
        Customer customer = customers.find(customerId)
                .orElseThrow(() -> notFound(caller, AuditActions.CUSTOMER, customerId));
        Decision decision = policy.authorizeReveal(context, ResourceScope.of(customer), keys);
        RevealGrant grant = store(caller, null, customer.getId(), keys, request.reason());
        return audited(caller, AuditActions.CUSTOMER, customer.getId(), null, grant,
                List.of(showCustomer(revealed(decision, keys), customer, keys)));
    }

    @Override
    public List<RevealableField> revealable(Caller caller, String resourceType, long id) {
        if (!policy.allows(caller, Permission.FIELD_REVEAL)) {
            return List.of();
        }
        AccessContext context = policy.contextFor(caller);
        if (!context.policy().anyRevealable(caller.roles())) {
            return List.of();
        }
        List<RevealableField> fields = new ArrayList<>();
        try {
            Customer customer;
            if (AuditActions.TICKET.equals(resourceType)) {
                Ticket ticket = tickets.find(id).orElse(null);
                if (ticket == null) {
                    return List.of();
                }
                customer = ticket.getCustomer();
                Decision onTicket = policy.authorize(context, Permission.TICKET_READ, ResourceScope.of(ticket));
                add(fields, context, onTicket, TICKET, keys -> showTicket(onTicket, ticket, keys),
                        key -> actualOfTicket(ticket, key));
            } else {
                customer = customers.find(id).orElse(null);
            }
            if (customer != null && policy.allows(caller, Permission.CUSTOMER_READ)) {
                Decision onCustomer = policy.authorize(context, Permission.CUSTOMER_READ,
                        ResourceScope.of(customer));
                Customer of = customer;
                add(fields, context, onCustomer, CUSTOMER, keys -> showCustomer(onCustomer, of, keys),
                        key -> actualOfCustomer(of, key));
            }
        } catch (RuntimeException refused) {
            // the page's own read says why; this list only decides where Reveal buttons go
            return fields;
        }
        return fields;
    }

    /**
     * Masked fields with a partial form the caller may reveal, and those revealed (with their end). A field whose
     * masked form is all of it (a subject without personal data in it, an empty phone) is not offered: a reveal
     * would show nothing new (#23).
     */
    private static void add(List<RevealableField> fields, AccessContext context, Decision decision, String entity,
            Function<List<String>, Shown> show, Function<String, Object> actual) {
        for (String key : context.policy().fieldsOf(entity)) {
            String field = key.substring(entity.length() + 1);
            if (decision.visibilityOf(entity, field) != Visibility.REVEALABLE
                    || decision.policy().field(entity, field).maskStyle() == MaskStyle.NONE) {
                continue;
            }
            if (!decision.revealed().contains(key)) {
                Object value = actual.apply(key);
                Object masked = show.apply(List.of(key)).body().get(field);
                if (value == null || value.toString().isEmpty() || value.equals(masked)) {
                    continue;
                }
            }
            Instant until = null;
            if (decision.revealed().contains(key)) {
                until = context.reveals().stream().filter(grant -> grant.isActiveAt(context.now())
                        && decision.revealed().contains(key) && grant.fieldKeys().contains(key))
                        .map(RevealGrant::getExpiresAt).max(Instant::compareTo).orElse(null);
            }
            fields.add(new RevealableField(key, until));
        }
    }

    /** 422s first, before anything about the record is looked at: the reason, then the field names. */
    private static List<String> checked(RevealRequest request, FieldPolicy catalog, List<String> entities) {
        RevealGrant.checkReason(request.reason());
        List<String> valid = new ArrayList<>();
        entities.forEach(entity -> valid.addAll(catalog.fieldsOf(entity)));
        RuleCheck check = new RuleCheck();
        List<String> fields = request.fields() == null ? List.of() : request.fields();
        check.require(!fields.isEmpty(), "fields", "name at least one field to reveal, one of " + valid);
        check.require(fields.size() <= MAX_FIELDS, "fields", "name at most " + MAX_FIELDS + " fields");
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (String field : fields) {
            String key = field == null ? "" : field.trim();
            if (!valid.contains(key)) {
                check.require(false, "fields", "'" + key + "' is not a field of this record; the fields are "
                        + String.join(", ", valid));
            }
            keys.add(key);
        }
        check.throwIfAny();
        return List.copyOf(keys);
    }

    private static List<String> ofEntity(List<String> keys, String entity) {
        return keys.stream().filter(key -> key.startsWith(entity + ".")).toList();
    }

    private RevealGrant store(Caller caller, Long ticketId, long customerId, List<String> keys, String reason) {
        RevealGrant grant = new RevealGrant(caller.username(), ticketId, customerId, keys, reason,
                Duration.ofMinutes(minutes), clock.instant());
        grants.store(grant);
        return grant;
    }

    /** The decision as it stands now that the grant exists: the one path shows these fields in full. */
    private static Decision revealed(Decision decision, List<String> keys) {
        LinkedHashSet<String> revealed = new LinkedHashSet<>(decision.revealed());
        revealed.addAll(keys);
        return new Decision(decision.basis(), decision.basisId(), decision.visibilities(), decision.policy(),
                decision.region(), revealed);
    }

    private static Shown showTicket(Decision decision, Ticket ticket, List<String> keys) {
        Shown shown = decision.show(TICKET);
        for (String key : keys) {
            if (key.startsWith(ATTACHMENT + ".")) {
                continue; // no value to show: the download is what the reveal opens
            }
            switch (key) {
                case "ticket.subject" -> shown.text("subject", ticket.getSubject(), ticket.getSubjectMasked());
                case "ticket.description" ->
                        shown.text("description", ticket.getDescription(), ticket.getDescriptionMasked());
                case "ticket.category" -> shown.field("category", ticket.getCategory());
                case "ticket.productSku" -> shown.field("productSku", ticket.getProductSku());
                case "ticket.siteCode" -> shown.field("siteCode", ticket.getSiteCode());
                case "ticket.assignee" -> shown.field("assignee", ticket.getAssignee());
                default -> shown.field(key.substring(TICKET.length() + 1), null);
            }
        }
        return shown;
    }

    /** The stored value of one field (compared with its masked form, never returned). */
    private static Object actualOfTicket(Ticket ticket, String key) {
        return switch (key) {
            case "ticket.subject" -> ticket.getSubject();
            case "ticket.description" -> ticket.getDescription();
            case "ticket.category" -> ticket.getCategory();
            case "ticket.productSku" -> ticket.getProductSku();
            case "ticket.siteCode" -> ticket.getSiteCode();
            case "ticket.assignee" -> ticket.getAssignee();
            default -> null;
        };
    }

    private static Object actualOfCustomer(Customer customer, String key) {
        return switch (key) {
            case "customer.name" -> customer.getName();
            case "customer.email" -> customer.getEmail();
            case "customer.phone" -> customer.getPhone();
            case "customer.nationalId" -> customer.getNationalId();
            case "customer.externalId" -> customer.getExternalId();
            default -> null;
        };
    }

    private static Shown showCustomer(Decision decision, Customer customer, List<String> keys) {
        Shown shown = decision.show(CUSTOMER);
        for (String key : keys) {
            switch (key) {
                case "customer.name" -> shown.field("name", customer.getName());
                case "customer.email" -> shown.field("email", customer.getEmail());
                case "customer.phone" -> shown.field("phone", customer.getPhone());
                case "customer.nationalId" -> shown.field("nationalId", customer.getNationalId());
                case "customer.externalId" -> shown.field("externalId", customer.getExternalId());
                default -> shown.field(key.substring(CUSTOMER.length() + 1), null);
            }
        }
        return shown;
    }

    /** FIELD_REVEALED, in the grant's transaction: what was revealed (as reads record it), until when, and why. */
    private RevealView audited(Caller caller, String type, long id, Long customerId, RevealGrant grant,
            List<Shown> shown) {
        LinkedHashSet<String> entries = new LinkedHashSet<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Shown one : shown) {
            entries.addAll(one.auditEntries());
        }
        for (String key : grant.fieldKeys()) {
            int dot = key.indexOf('.');
            for (Shown one : shown) {
                if (one.body().containsKey(key.substring(dot + 1)) && one == shownOf(shown, key)) {
                    values.put(key, one.body().get(key.substring(dot + 1)));
                }
            }
        }
        grant.fieldKeys().stream().filter(key -> key.startsWith(ATTACHMENT + "."))
                .forEach(key -> entries.add(key + "~revealed")); // #24: no value shown, the download it opens
        if (customerId != null) {
            entries.add("customer=" + customerId);
        }
        entries.add("grant=" + grant.getId());
        entries.add("until=" + grant.getExpiresAt());
        // the trail's fields are comma-separated: the reason keeps its words, its commas become semicolons
        entries.add("reason=" + grant.getReason().replace(',', ';'));
        audit.record(caller, AuditActions.FIELD_REVEALED, type, String.valueOf(id), entries, AuditOutcome.SUCCESS);
        return new RevealView(grant.getId(), type, id, values, grant.getExpiresAt(), grant.getReason());
    }

    private static Shown shownOf(List<Shown> shown, String key) {
        // showTicket comes first, showCustomer second (when there is one): customer.* keys are in the last
        return key.startsWith(CUSTOMER + ".") ? shown.get(shown.size() - 1) : shown.get(0);
    }

    private ResourceNotFoundException notFound(Caller caller, String type, long id) {
        audit.record(caller, AuditActions.FIELD_REVEALED, type, String.valueOf(id), null, AuditOutcome.FAILURE);
        return new ResourceNotFoundException(type.toLowerCase(java.util.Locale.ROOT), id);
    }
}
