package org.custodian.application.demo;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.auth.PasswordHasher;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerRepository;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.CommentVisibility;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketDetails;
import org.custodian.domain.model.ticket.TicketPriority;
import org.custodian.domain.model.ticket.TicketRepository;
import org.custodian.domain.model.access.AccessGrant;
import org.custodian.domain.model.catalog.CatalogEntry;
import org.custodian.domain.model.catalog.CatalogKind;
import org.custodian.domain.model.catalog.CatalogRepository;
import org.custodian.domain.model.access.AccessRepository;
import org.custodian.domain.model.team.Team;
import org.custodian.domain.model.team.TeamRepository;
import org.custodian.domain.model.ticket.TicketStatus;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserRepository;

/** Demo users (one per role), customers and tickets for a first start; one transaction, one audit event. */
@Stateless
public class DemoData {

    /** username, display name, role, regions */
    static final List<Object[]> USERS = List.of(
            new Object[] {"agent.eu", "Eva Agent (EU)", Role.AGENT, EnumSet.of(Region.EU)},
            new Object[] {"agent.us", "Sam Agent (US)", Role.AGENT, EnumSet.of(Region.US)},
            new Object[] {"engineer", "Erin Engineer", Role.ENGINEER, EnumSet.of(Region.EU, Region.US)},
            new Object[] {"supervisor", "Sofia Supervisor", Role.SUPERVISOR, EnumSet.of(Region.EU)},
            new Object[] {"contractor", "Carl Contractor", Role.CONTRACTOR, EnumSet.of(Region.EU)},
            new Object[] {"operator", "Olga Operator", Role.OPERATOR, EnumSet.noneOf(Region.class)},
            new Object[] {"privacy", "Pat Privacy Officer", Role.PRIVACY_OFFICER, EnumSet.allOf(Region.class)},
            new Object[] {"auditor", "Ana Auditor", Role.AUDITOR, EnumSet.noneOf(Region.class)},
            new Object[] {"admin", "Ada Admin", Role.USER_ADMIN, EnumSet.noneOf(Region.class)});

    @EJB
    private AuditService audit;

    @Inject
    private UserRepository users;

    @Inject
    private CustomerRepository customers;

    @Inject
    private TicketRepository tickets;

    @Inject
    private AccessRepository access;

    @Inject
    private TeamRepository teams;

    @Inject
    private CatalogRepository catalog;

    private final Clock clock = Clock.systemUTC();

    /** @return true when data was written, false when users already existed */
    public boolean seedIfEmpty(String password) {
        if (users.count() > 0) {
            return false;
        }
        Instant now = clock.instant();
        PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS);
        for (Object[] user : USERS) {
            @SuppressWarnings("unchecked")
            Set<Region> regions = (Set<Region>) user[3];
            users.store(new User((String) user[0], (String) user[1], hasher.hash(password.toCharArray()),
                    EnumSet.of((Role) user[2]), regions, now));
        }
        seedTeams(now);
        seedCatalog(now);
        Customer jane = customer("CUST-1001", "Jane Doe", "jane.doe@example.com", "+49 30 1234567", "T22000129",
                Region.EU, now);
        Customer pierre = customer("CUST-1002", "Pierre Martin", "pierre.martin@example.fr", "+33 1 42 68 53 00",
                null, Region.EU, now);
        Customer john = customer("CUST-2001", "John Smith", "john.smith@example.com", "+1 212 555 0147",
                "078-05-1120", Region.US, now);
        Customer maria = customer("CUST-2002", "Maria Garcia", "maria.garcia@example.com", "+1 415 555 0199",
                null, Region.US, now);
        Customer kenji = customer("CUST-3001", "Kenji Tanaka", "kenji.tanaka@example.jp", "+81 3 1234 5678",
                null, Region.APAC, now);

        Instant opened = now.minus(Duration.ofDays(3));
        ticket(jane, "Laptop does not boot after update", "Black screen after the firmware update on Monday.",
                TicketPriority.HIGH, "HARDWARE", "LTP-4410", "BER-01", TicketStatus.OPEN, opened, now);
        Ticket vpn = ticket(jane, "VPN disconnects every 10 minutes", "Client log attached; happens on Wi-Fi only.",
                TicketPriority.NORMAL, "NETWORK", null, "BER-01", TicketStatus.IN_PROGRESS, opened, now);
        tickets.store(new Comment(vpn, "Asked the customer for the client version.", CommentVisibility.INTERNAL,
                "agent.eu", now));
        ticket(pierre, "Invoice shows wrong VAT rate", "March invoice uses 19% instead of 20%.",
                TicketPriority.NORMAL, "BILLING", null, "PAR-02", TicketStatus.RESOLVED, opened, now);
        ticket(pierre, "Password reset mail never arrives", "Checked spam folder; nothing there. Please send it to my private address"
                + " pierre.m@example.org or call me on +33 6 12 34 56 78.",
                TicketPriority.LOW, "ACCOUNT", null, null, TicketStatus.OPEN, opened, now);
        ticket(john, "Printer on floor 3 jams", "Tray 2 jams on every duplex job.", TicketPriority.LOW, "HARDWARE",
                "PRN-220", "NYC-03", TicketStatus.OPEN, opened, now);
        ticket(john, "Cannot open shared mailbox", "Outlook says permission denied since Friday.",
                TicketPriority.HIGH, "ACCOUNT", null, "NYC-03", TicketStatus.IN_PROGRESS, opened, now);
        ticket(maria, "Request: new monitor", "Second monitor for the design team.", TicketPriority.LOW,
                "HARDWARE", "MON-2701", "SFO-01", TicketStatus.OPEN, opened, now);
        ticket(kenji, "Slow ERP reports", "Month-end report takes 40 minutes.", TicketPriority.URGENT, "SOFTWARE",
                "ERP-100", "TYO-01", TicketStatus.OPEN, opened, now);

        // the demo contractor can work EU network tickets for 30 days, as if the supervisor had granted it
        access.store(new AccessGrant("contractor", Set.of("NETWORK"), EnumSet.of(Region.EU), now,
                now.plus(Duration.ofDays(30)), "Demo: VPN outage support by the network contractor", "supervisor",
                now));

        audit.record(Caller.system("demo-seed", null), AuditActions.DEMO_SEED, null, null,
                List.of("users", "teams", "catalog", "customers", "tickets", "grants"), AuditOutcome.SUCCESS);
        return true;
    }

    /**
     * A team per region the demo users work, of its agents, engineers and supervisors (#22), so that the "team"
     * queue shows the region's colleagues' tickets as it did before teams existed.
     */
    private void seedTeams(Instant now) {
        users.flush(); // members refer to users by username: the users' rows first
        for (Region region : EnumSet.of(Region.EU, Region.US)) {
            Team team = new Team(region.name().toLowerCase(Locale.ROOT) + "-support",
                    region + " Support", region, now);
            for (Object[] user : USERS) {
                Role role = (Role) user[2];
                boolean works = role == Role.AGENT || role == Role.ENGINEER || role == Role.SUPERVISOR;
                if (works && ((Set<?>) user[3]).contains(region)) {
                    team.add((String) user[0], now);
                }
            }
            teams.store(team);
        }
    }

    /** The master lists the demo tickets (and the tests' tickets) use, each owned by a region's team (#23). */
    private void seedCatalog(Instant now) {
        teams.flush(); // entries name their owner team by key
        String[][] entries = {
            {"CATEGORY", "ACCOUNT", "Accounts and access", "eu-support"},
            {"CATEGORY", "BILLING", "Billing and invoices", "eu-support"},
            {"CATEGORY", "HARDWARE", "Hardware", "us-support"},
            {"CATEGORY", "NETWORK", "Network and VPN", "eu-support"},
            {"CATEGORY", "SOFTWARE", "Software", "us-support"},
            {"PRODUCT", "DCK-4410", "Docking station 4410", "eu-support"},
            {"PRODUCT", "ERP-100", "ERP suite", "us-support"},
            {"PRODUCT", "LTP-4410", "Laptop 4410", "eu-support"},
            {"PRODUCT", "MON-2701", "Monitor 27\"", "us-support"},
            {"PRODUCT", "PRN-220", "Printer 220", "us-support"},
            {"SITE", "BER-01", "Berlin", "eu-support"},
            {"SITE", "NYC-03", "New York", "us-support"},
            {"SITE", "PAR-02", "Paris", "eu-support"},
            {"SITE", "SFO-01", "San Francisco", "us-support"},
            {"SITE", "TYO-01", "Tokyo", "us-support"}};
        for (String[] entry : entries) {
            CatalogKind kind = CatalogKind.valueOf(entry[0]);
            if (catalog.find(kind, entry[1]).isEmpty()) {
                catalog.store(new CatalogEntry(kind, entry[1], entry[2], entry[3], now));
            }
        }
    }

    private Customer customer(String externalId, String name, String email, String phone, String nationalId,
            Region region, Instant now) {
        Customer customer = new Customer(externalId, name, email, phone, nationalId, region, now);
        customers.store(customer);
        return customer;
    }

    private Ticket ticket(Customer customer, String subject, String description, TicketPriority priority,
            String category, String sku, String site, TicketStatus status, Instant opened, Instant now) {
        Ticket ticket = new Ticket(new TicketDetails(subject, description, priority, category, sku, site, null),
                customer, customer.getRegion(), opened);
        if (status == TicketStatus.RESOLVED) {
            ticket.revise(ticket.details(), TicketStatus.RESOLVED, null, now);
        } else if (status == TicketStatus.IN_PROGRESS) {
            ticket.revise(ticket.details(), TicketStatus.IN_PROGRESS, null, now);
        }
        tickets.store(ticket);
        return ticket;
    }
}
