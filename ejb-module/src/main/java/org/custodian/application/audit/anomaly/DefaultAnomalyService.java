package org.custodian.application.audit.anomaly;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.policy.Reserved;
import org.custodian.application.shared.Caller;
import org.custodian.application.ticket.TicketChangeEffects;
import org.custodian.domain.model.audit.Alert;
import org.custodian.domain.model.audit.AlertRepository;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditEventRepository;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.audit.OpenIncident;
import org.custodian.domain.model.audit.SiemDelivery;
import org.custodian.domain.model.audit.SiemDeliveryRepository;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerRepository;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketDetails;
import org.custodian.domain.model.ticket.TicketPriority;
import org.custodian.domain.model.ticket.TicketRepository;
import org.custodian.domain.model.user.UserRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Stateless
public class DefaultAnomalyService implements AnomalyService {

    static final String CURSOR = "anomaly-detector";
    static final String BULK_READ = "BULK_READ";
    static final String REPEATED_DENIALS = "REPEATED_DENIALS";
    static final String OFF_HOURS = "OFF_HOURS_ACCESS";
    /** Many fields revealed with a reason by one person in a window (#23): one reveal is a call back, dozens a trawl. */
    static final String MANY_REVEALS = "MANY_REVEALS";
    /** The subject of rules about callers who were not verified: their source address. */
    static final String SOURCE = "source:";
    private static final int BATCH = 2000;
    private static final int WINDOW_LIMIT = 50_000;
    private static final Map<Region, ZoneId> DEFAULT_ZONES = Map.of(Region.EU, ZoneId.of("Europe/Berlin"),
            Region.UK, ZoneId.of("Europe/London"), Region.US, ZoneId.of("America/New_York"),
            Region.CA, ZoneId.of("America/Toronto"), Region.APAC, ZoneId.of("Asia/Singapore"),
            Region.LATAM, ZoneId.of("America/Sao_Paulo"), Region.MEA, ZoneId.of("Asia/Dubai"));

    @EJB
    private TicketChangeEffects effects;

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private AuditEventRepository events;

    @Inject
    private SiemDeliveryRepository deliveries;

    @Inject
    private AlertRepository alerts;

    @Inject
    private UserRepository users;

    @Inject
    private TicketRepository tickets;

    @Inject
    private CustomerRepository customers;

    @Inject
    @ConfigProperty(name = "custodian.alerts.window", defaultValue = "PT10M")
    Duration window;

    @Inject
    @ConfigProperty(name = "custodian.alerts.bulk-read-threshold", defaultValue = "200")
    long bulkReadThreshold;

    @Inject
    @ConfigProperty(name = "custodian.alerts.denial-threshold", defaultValue = "10")
    long denialThreshold;

    @Inject
    @ConfigProperty(name = "custodian.alerts.reveal-threshold", defaultValue = "10")
    long revealThreshold;

    /** Local business hours, e.g. 07:00-20:00, Monday to Friday in the zone of the user's first region. */
    @Inject
    @ConfigProperty(name = BusinessHours.KEY, defaultValue = BusinessHours.DEFAULT)
    String businessHoursText;

    private BusinessHours businessHours;

    private final Clock clock = Clock.systemUTC();

    /** Parsed once per instance, not per event (AnomalySchedule checks the same value when deploying). */
    @PostConstruct
    void parseConfiguration() {
        businessHours = BusinessHours.fromConfig(businessHoursText);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int scan() {
        SiemDelivery cursor = deliveries.lock(CURSOR);
        long head = events.readHead().getLastSequence();
        List<AuditEvent> batch = events.findAfter(cursor.getDeliveredSequence(), BATCH).stream()
                .filter(event -> event.getSequence() <= head).toList();
        if (batch.isEmpty()) {
            return 0;
        }
        // the latest event of each subject in this batch: windows are evaluated once per subject, at that event
        Map<String, AuditEvent> latestBySubject = new LinkedHashMap<>();
        // each actor's home region once per batch, not once per event (a batch is mostly a few users' reads)
        Map<String, Optional<Region>> homeRegions = new HashMap<>();
        int raised = 0;
        for (AuditEvent event : batch) {
            if (event.getActor().startsWith("system:")) {
                continue;
            }
            latestBySubject.put(subjectOf(event), event);
            if (isPersonalRead(event) && outsideBusinessHours(event, homeRegions)) {
                raised += raise(OFF_HOURS, event.getActor(), 1, 0, event.getOccurredAt(), event.getOccurredAt(),
                        event.getSequence(), "read personal data (" + event.getAction() + " " + event.getResourceType()
                                + " " + event.getResourceId() + ") outside business hours " + businessHours
                                + " of their region");
            }
        }
        for (Map.Entry<String, AuditEvent> latest : latestBySubject.entrySet()) {
            String subject = latest.getKey();
            AuditEvent last = latest.getValue();
            Instant end = last.getOccurredAt();
            Instant start = end.minus(window);
            long records = 0;
            long denials = 0;
            long reveals = 0;
            for (AuditEvent event : windowOf(last, start, end)) {
                records += recordsRead(event);
                if (event.getOutcome() == AuditOutcome.SUCCESS
                        && AuditActions.FIELD_REVEALED.equals(event.getAction())) {
                    reveals++;
                }
                if (event.getOutcome() == AuditOutcome.DENIED) {
                    denials++;
                }
            }
            if (records > bulkReadThreshold) {
                raised += raise(BULK_READ, subject, records, bulkReadThreshold, start, end, last.getSequence(),
                        records + " records read or exported within " + window + " (threshold " + bulkReadThreshold
                                + ")");
            }
            if (reveals > revealThreshold) {
                raised += raise(MANY_REVEALS, subject, reveals, revealThreshold, start, end, last.getSequence(),
                        reveals + " reveals of masked fields (each with a reason) within " + window + " (threshold "
                                + revealThreshold + ")");
            }
            if (denials > denialThreshold) {
                raised += raise(REPEATED_DENIALS, subject, denials, denialThreshold, start, end,
                        last.getSequence(), denials + " refused requests within " + window + " (threshold "
                                + denialThreshold + ")");
            }
        }
        cursor.delivered(batch.get(batch.size() - 1).getSequence(), clock.instant());
        return raised;
    }

    /**
     * Whom a rule counts an event against: its actor when the caller was verified (a token or a session: they have
     * roles), else its source address. A sign-in attempt's actor is only a claimed name: counted by name, random
     * names would each open a ticket, and a stranger could raise alerts about a real user.
     */
    static String subjectOf(AuditEvent event) {
        return isVerified(event) ? event.getActor() : SOURCE + (event.getClientAddress() == null ? "unknown"
                : event.getClientAddress());
    }

    private static boolean isVerified(AuditEvent event) {
        return event.getActorRoles() != null && !event.getActorRoles().isEmpty();
    }

    /** The subject's events in the window: a verified actor's own (not attempts under their name), or a source's. */
    private List<AuditEvent> windowOf(AuditEvent last, Instant start, Instant end) {
        if (isVerified(last)) {
            return events.findByActor(last.getActor(), start, end, WINDOW_LIMIT).stream()
                    .filter(DefaultAnomalyService::isVerified).toList();
        }
        return last.getClientAddress() == null ? List.of()
                : events.findUnverifiedBySource(last.getClientAddress(), start, end, WINDOW_LIMIT);
    }

    /**
     * One alert per rule and subject per window, and none while the ticket of the last one is open: a burst that
     * keeps going is one incident, not hundreds. The open-incident row is locked first, so two nodes scanning at
     * once open one ticket.
     */
    private int raise(String rule, String actor, long observed, long threshold, Instant start, Instant end,
            long sequence, String detail) {
        Optional<Alert> latest = alerts.latest(rule, actor);
        if (latest.isPresent() && latest.get().getWindowEnd().isAfter(end.minus(window))) {
            return 0;
        }
        Instant now = clock.instant();
        OpenIncident incident = alerts.lockIncident(OpenIncident.key("anomaly", rule, actor), now);
        if (incident.getTicketId() != null && tickets.find(incident.getTicketId())
                .filter(ticket -> !ticket.getStatus().isResolved()).isPresent()) {
            return 0;
        }
        Alert alert = new Alert(rule, actor, observed, threshold, start, end, sequence, actor + ": " + detail, now);
        alerts.store(alert);
        Caller detector = Caller.system("anomaly-detector", null);
        audit.record(detector, AuditActions.ANOMALY_ALERT, AuditActions.ALERT, String.valueOf(alert.getId()),
                List.of("rule=" + rule, "actor=" + actor, "observed=" + observed, "threshold=" + threshold,
                        "lastSequence=" + sequence), AuditOutcome.SUCCESS);
        Ticket ticket = securityTicket(alert, regionOf(actor), now);
        // like every other new ticket: its SLA clocks (#25: a SECURITY policy sets the targets), webhooks, notices
        effects.opened(detector, ticket);
        alert.openedTicket(ticket.getId());
        incident.opened(alert.getId(), ticket.getId(), now);
        audit.record(detector, AuditActions.TICKET_CREATE, AuditActions.TICKET, String.valueOf(ticket.getId()),
                List.of("subject", "description", "priority", "category", "customerId", "alert=" + alert.getId()),
                AuditOutcome.SUCCESS);
        return 1;
    }

    /** The security office of the region is the "customer" of its SECURITY tickets (created when first needed). */
    private Ticket securityTicket(Alert alert, Region region, Instant now) {
        String externalId = Reserved.securityOfficeId(region);
        Customer office = customers.findByExternalId(externalId).orElseGet(() -> {
            Customer created = new Customer(externalId, "Custodian security office (" + region + ")", null, null,
                    region, now);
            customers.store(created);
            return created;
        });
        Ticket ticket = new Ticket(new TicketDetails("Security alert " + alert.getRule() + ": " + alert.getActor(),
                "Alert " + alert.getId() + " (" + alert.getRule() + "): " + alert.getDetail() + "\nWindow "
                        + alert.getWindowStart() + " to " + alert.getWindowEnd() + ", last audit sequence "
                        + alert.getLastSequence() + ". Review with GET /api/v1/reports/access?groupBy=user.",
                TicketPriority.HIGH, Reserved.SECURITY_CATEGORY, null, null, null), office, region, now);
        tickets.store(ticket);
        tickets.flush();
        return ticket;
    }

    private Region regionOf(String actor) {
        return users.findByUsername(actor).flatMap(user -> user.getRegions().stream().sorted().findFirst())
                .orElse(Region.EU);
    }

    private static boolean isPersonalRead(AuditEvent event) {
        return event.getOutcome() == AuditOutcome.SUCCESS && event.getFields() != null
                && AuditActions.READ_ACTIONS.contains(event.getAction())
                && event.getFields().contains("class=");
    }

    /** Records a successful read or export touched: a search counts every ticket it listed. */
    private static long recordsRead(AuditEvent event) {
        if (event.getOutcome() != AuditOutcome.SUCCESS) {
            return 0;
        }
        if (AuditActions.TICKET_SEARCH.equals(event.getAction())
                || AuditActions.CUSTOMER_SEARCH.equals(event.getAction())) {
            return event.getResourceId() == null ? 0 : event.getResourceId().split(",").length;
        }
        return AuditActions.READ_ACTIONS.contains(event.getAction())
                || AuditActions.AUDIT_EXPORT.equals(event.getAction()) ? 1 : 0;
    }

    private boolean outsideBusinessHours(AuditEvent event, Map<String, Optional<Region>> homeRegions) {
        Optional<Region> region = homeRegions.computeIfAbsent(event.getActor(), actor -> users.findByUsername(actor)
                .flatMap(found -> found.getRegions().stream().sorted().findFirst()));
        if (region.isEmpty()) {
            return false;
        }
        return businessHours.excludes(event.getOccurredAt().atZone(DEFAULT_ZONES.get(region.get())));
    }

    @Override
    public List<AlertView> alerts(Caller caller) {
        policy.enforce(caller, Permission.ALERT_READ, AuditActions.ALERT, null);
        // an alert names a person and what they did: supervisors see those of their regions only (the region of
        // the alert's SECURITY ticket, which the policy hides from others the same way)
        Map<Long, Region> ticketRegions = new HashMap<>();
        return alerts.recent(500).stream().filter(alert -> policy.allowsIn(caller, Permission.ALERT_READ,
                        alert.getTicketId() == null ? null : ticketRegions.computeIfAbsent(alert.getTicketId(),
                                id -> tickets.find(id).map(Ticket::getRegion).orElse(null))))
                .map(alert -> new AlertView(alert.getId(), alert.getRule(),
                alert.getActor(), alert.getObserved(), alert.getThreshold(), alert.getWindowStart(),
                alert.getWindowEnd(), alert.getLastSequence(), alert.getDetail(), alert.getTicketId(),
                alert.getCreatedAt())).toList();
    }
}
