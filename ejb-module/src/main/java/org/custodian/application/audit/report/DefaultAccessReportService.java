package org.custodian.application.audit.report;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.custodian.application.shared.Inputs;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AuditDailyCount;
import org.custodian.domain.model.audit.AuditDailyCountRepository;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditEventRepository;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.integration.ApiKeyToken;
import org.custodian.domain.model.integration.ServiceAccount;
import org.custodian.domain.model.integration.ServiceAccountKey;
import org.custodian.domain.model.integration.ServiceAccountRepository;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultAccessReportService implements AccessReportService {

    /** day-role and day-region: one group per UTC day and role (or region), "2026-11-24 AGENT", for charts over time. */
    static final Set<String> GROUPS = Set.of("role", "region", "user", "day", "day-role", "day-region");
    static final Duration MAX_SPAN = Duration.ofDays(366);
    private static final int PAGE = 2000;
    private static final int TICKET_HISTORY_LIMIT = 10_000;
    private static final int CREDENTIAL_LIMIT = 10_000;
    /** Events of one actor a breach's scope examines (an actor reading more in the window is reported cut). */
    static final int ACTOR_READS_LIMIT = 100_000;

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private AuditEventRepository events;

    @Inject
    private AuditDailyCountRepository dailyCounts;

    @Inject
    private ServiceAccountRepository serviceAccounts;

    @Override
    public AccessReport accessReport(Caller caller, String fromText, String toText, String classification,
            String groupBy) {
        policy.enforce(caller, Permission.REPORT_READ, AuditActions.REPORT, "access");
        RuleCheck check = new RuleCheck();
        Instant from = Inputs.instant(fromText, "from", true, check);
        Instant to = Inputs.instant(toText, "to", true, check);
        String group = groupBy == null || groupBy.isBlank() ? "role" : groupBy.trim().toLowerCase(Locale.ROOT);
        check.require(GROUPS.contains(group), "groupBy", "must be one of role, region, user, day, day-role,"
                + " day-region");
        String wanted = classification == null || classification.isBlank() ? null
                : classification.trim().toUpperCase(Locale.ROOT);
        check.require(wanted == null || wanted.equals("CONFIDENTIAL") || wanted.equals("RESTRICTED"),
                "classification", "must be CONFIDENTIAL or RESTRICTED (reports are about personal data)");
        if (from != null && to != null) {
            check.require(from.isBefore(to), "to", "must be after from")
                    .require(!to.isAfter(from.plus(MAX_SPAN)), "to", "must be at most 366 days after from");
        }
        check.throwIfAny();

        Map<String, Group> groups = new TreeMap<>();
        long reads = 0;
        long after = 0;
        while (true) {
            List<AuditEvent> page = events.findActions(from, to, AuditActions.READ_ACTIONS, after, PAGE);
            for (AuditEvent event : page) {
                ReadFields read = ReadFields.parse(event.getFields());
                if (event.getOutcome() != AuditOutcome.SUCCESS
                        || wanted != null && !read.classifications().contains(wanted)) {
                    continue;
                }
                reads++;
                for (String key : keys(event, read, group)) {
                    groups.computeIfAbsent(key, Group::new).add(event, read);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).getSequence();
        }
        // days whose events were pruned still count, from their daily aggregates, where the grouping allows it
        long aggregated = 0;
        long ungroupable = 0;
        LocalDate lastDay = to.minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
        for (AuditDailyCount day : dailyCounts.between(from.atZone(ZoneOffset.UTC).toLocalDate(), lastDay)) {
            if (!AuditActions.READ_ACTIONS.contains(day.action())
                    || !AuditOutcome.SUCCESS.name().equals(day.outcome())) {
                continue;
            }
            if (wanted != null || !group.equals("role") && !group.equals("day") && !group.equals("day-role")) {
                ungroupable += day.events();
                continue;
            }
            String roles = day.actorRoles() == null || day.actorRoles().isEmpty() ? "(none)" : day.actorRoles();
            String key = switch (group) {
                case "day" -> day.day().toString();
                case "day-role" -> day.day() + " " + roles;
                default -> roles;
            };
            groups.computeIfAbsent(key, Group::new).addFromDailyCounts(day.events());
            aggregated += day.events();
        }
        String note = aggregated == 0 && ungroupable == 0 ? null : prunedNote(group, wanted, aggregated, ungroupable);
        audit.record(caller, AuditActions.REPORT_ACCESS, AuditActions.REPORT, "access",
                List.of("from=" + from, "to=" + to, "groupBy=" + group, "classification=" + wanted),
                AuditOutcome.SUCCESS);
        List<Row> rows = groups.values().stream().map(Group::row).toList();
        return new AccessReport(from, to, wanted, group, reads + aggregated, aggregated, note, rows);
    }

    private static String prunedNote(String group, String wanted, long aggregated, long ungroupable) {
        StringBuilder note = new StringBuilder("Part of this period was pruned from the audit trail to daily counts.");
        if (aggregated > 0) {
            note.append(" ").append(aggregated).append(" read(s) on those UTC days are counted from them by ")
                    .append(group).append(" (whole days, so a period starting or ending within one counts all of"
                            + " it; no users, fields, bases or classifications are kept for them).");
        }
        if (ungroupable > 0) {
            note.append(" ").append(ungroupable).append(" read(s) on those days are left out: daily counts keep")
                    .append(" neither ").append(wanted != null ? "the classification revealed" : "users nor regions")
                    .append("; group by role or day without a classification to include them.");
        }
        return note.toString();
    }

    @Override
    public TicketAccess ticketAccess(Caller caller, long ticketId) {
        policy.enforce(caller, Permission.REPORT_READ, AuditActions.REPORT, "ticket/" + ticketId);
        List<Access> accesses = new ArrayList<>();
        // one more than shown tells whether older events were left out
        List<AuditEvent> found = events.findAboutTicket(ticketId, TICKET_HISTORY_LIMIT + 1);
        boolean truncated = found.size() > TICKET_HISTORY_LIMIT;
        for (AuditEvent event : truncated ? found.subList(1, found.size()) : found) {
            ReadFields read = ReadFields.parse(event.getFields());
            accesses.add(new Access(event.getSequence(), event.getOccurredAt(), event.getActor(),
                    event.getActorRoles(), event.getAction(), event.getOutcome().name(), read.basis(),
                    read.fields(), read.masked()));
        }
        audit.record(caller, AuditActions.REPORT_ACCESS, AuditActions.REPORT, "ticket/" + ticketId, null,
                AuditOutcome.SUCCESS);
        return new TicketAccess(ticketId, accesses, truncated);
    }

    @Override
    public UserHistory userHistory(Caller caller, String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        new RuleCheck().require(!name.isEmpty() && name.length() <= 64, "username",
                "must be a username of 1 to 64 characters").throwIfAny();
        policy.enforce(caller, Permission.REPORT_READ, AuditActions.REPORT, "user/" + name);
        List<AuditEvent> found = events.findAboutUser(name, TICKET_HISTORY_LIMIT + 1);
        boolean truncated = found.size() > TICKET_HISTORY_LIMIT;
        List<Access> history = new ArrayList<>();
        for (AuditEvent event : truncated ? found.subList(1, found.size()) : found) {
            List<String> fields = event.getFields() == null ? List.of() : List.of(event.getFields().split(","));
            history.add(new Access(event.getSequence(), event.getOccurredAt(), event.getActor(),
                    event.getActorRoles(), event.getAction(), event.getOutcome().name(), null, fields, List.of()));
        }
        audit.record(caller, AuditActions.REPORT_ACCESS, AuditActions.REPORT, "user/" + name, null,
                AuditOutcome.SUCCESS);
        return new UserHistory(name, history, truncated);
    }

    @Override
    public CredentialAccess credentialAccess(Caller caller, String credential, String fromText, String toText) {
        policy.enforce(caller, Permission.REPORT_READ, AuditActions.REPORT, "credential/" + credential);
        RuleCheck check = new RuleCheck();
        check.require(ApiKeyToken.isKeyId(credential), "credential",
                "must be an API key id (12 characters of a-z and 2-7, as listed under a service account's keys)");
        Instant from = Inputs.instant(fromText, "from", false, check);
        Instant to = Inputs.instant(toText, "to", false, check);
        check.throwIfAny();
        ServiceAccountKey key = serviceAccounts.findKey(credential)
                .orElseThrow(() -> new ResourceNotFoundException("API key", credential));
        Instant start = from != null ? from : key.getCreatedAt();
        Instant end = to != null ? to : Instant.now();
        String actor = ServiceAccount.callerName(key.getAccount(), key.getKeyId());
        List<AuditEvent> found = events.findByActor(actor, start, end, CREDENTIAL_LIMIT + 1);
        boolean truncated = found.size() > CREDENTIAL_LIMIT;
        long reads = 0;
        long changes = 0;
        long denied = 0;
        Set<String> sources = new TreeSet<>();
        List<CredentialEvent> listed = new ArrayList<>();
        for (AuditEvent event : truncated ? found.subList(0, CREDENTIAL_LIMIT) : found) {
            String kind;
            if (event.getOutcome() != AuditOutcome.SUCCESS) {
                kind = "DENIED";
                denied++;
            } else if (AuditActions.READ_ACTIONS.contains(event.getAction())) {
                kind = "READ";
                reads++;
            } else if (event.getAction().startsWith("API_KEY_") || event.getAction().startsWith("REPORT")) {
                kind = "OTHER"; // its own use records, reports it read
            } else {
                kind = "CHANGE";
                changes++;
            }
            if (event.getClientAddress() != null) {
                sources.add(event.getClientAddress());
            }
            listed.add(new CredentialEvent(event.getSequence(), event.getOccurredAt(), event.getAction(),
                    event.getOutcome().name(), event.getResourceType(), event.getResourceId(),
                    event.getClientAddress(), kind, event.getFields() == null ? List.of()
                            : List.of(event.getFields().split(","))));
        }
        audit.record(caller, AuditActions.REPORT_ACCESS, AuditActions.REPORT, "credential/" + credential,
                List.of("from=" + start, "to=" + end), AuditOutcome.SUCCESS);
        return new CredentialAccess(credential, key.getAccount(), actor, start, end, reads, changes, denied,
                List.copyOf(sources), listed, truncated);
    }

    @Override
    public ActorReads actorReads(Caller caller, String actor, Instant from, Instant to) {
        policy.enforce(caller, Permission.REPORT_READ, AuditActions.REPORT, "actor/" + actor);
        List<AuditEvent> found = events.findByActor(actor, from, to, ACTOR_READS_LIMIT + 1);
        boolean truncated = found.size() > ACTOR_READS_LIMIT;
        Set<Long> tickets = new TreeSet<>();
        Set<Long> customers = new TreeSet<>();
        long reads = 0;
        for (AuditEvent event : truncated ? found.subList(0, ACTOR_READS_LIMIT) : found) {
            if (event.getOutcome() != AuditOutcome.SUCCESS || !AuditActions.READ_ACTIONS.contains(event.getAction())
                    || event.getResourceId() == null) {
                continue;
            }
            reads++;
            // "42" (a read), "42/*" (a ticket's comments), "3,42,57" (a search's listing; a cut one ends in a mark)
            Set<Long> into = AuditActions.CUSTOMER.equals(event.getResourceType()) ? customers : tickets;
            for (String part : event.getResourceId().split(",")) {
                String id = part.contains("/") ? part.substring(0, part.indexOf('/')) : part;
                if (!id.isEmpty() && id.length() <= 18 && id.chars().allMatch(Character::isDigit)) {
                    into.add(Long.valueOf(id));
                }
            }
        }
        audit.record(caller, AuditActions.REPORT_ACCESS, AuditActions.REPORT, "actor/" + actor,
                List.of("from=" + from, "to=" + to), AuditOutcome.SUCCESS);
        return new ActorReads(actor, from, to, reads, tickets, customers, truncated);
    }

    static List<String> keys(AuditEvent event, ReadFields read, String group) {
        String day = event.getOccurredAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
        List<String> regions = read.regions().isEmpty() ? List.of("(none)") : read.regions();
        String roles = event.getActorRoles() == null || event.getActorRoles().isEmpty() ? "(none)"
                : event.getActorRoles();
        return switch (group) {
            case "user" -> List.of(event.getActor());
            case "day" -> List.of(day);
            case "region" -> regions;
            case "day-role" -> List.of(day + " " + roles);
            case "day-region" -> regions.stream().map(region -> day + " " + region).toList();
            default -> List.of(roles);
        };
    }


    /** The fields of a read event as ReadAudit wrote them: basis=, region=, class=, then field[~masked]. */
    record ReadFields(String basis, List<String> regions, Set<String> classifications, List<String> fields,
            List<String> masked) {

        static ReadFields parse(String text) {
            String basis = null;
            List<String> regions = new ArrayList<>();
            Set<String> classes = new HashSet<>();
            List<String> fields = new ArrayList<>();
            List<String> masked = new ArrayList<>();
            if (text != null) {
                for (String entry : text.split(",")) {
                    if (entry.startsWith("basis=")) {
                        basis = basis == null ? entry.substring(6) : basis + "," + entry.substring(6);
                    } else if (entry.startsWith("region=")) {
                        regions.add(entry.substring(7));
                    } else if (entry.startsWith("class=")) {
                        classes.add(entry.substring(6));
                    } else if (entry.startsWith("reason=") || entry.startsWith("until=")
                            || entry.startsWith("grant=") || entry.startsWith("customer=")) {
                        continue; // what a reveal (FIELD_REVEALED) notes besides the fields it showed
                    } else if (entry.startsWith("attachment=") || entry.startsWith("sha256=")
                            || entry.startsWith("revealed=")) {
                        continue; // what a download (ATTACHMENT_DOWNLOAD, #24) notes besides attachment.content
                    } else if (entry.endsWith("~masked")) {
                        masked.add(entry.substring(0, entry.length() - 7));
                    } else if (!entry.isEmpty()) {
                        fields.add(entry);
                    }
                }
            }
            return new ReadFields(basis, regions, classes, fields, masked);
        }
    }

    /** Running totals of one group. */
    private static final class Group {
        private final String key;
        private long reads;
        private final Set<String> users = new HashSet<>();
        private long full;
        private long masked;
        private final Map<String, Long> bases = new TreeMap<>();
        private final Map<String, Long> classifications = new TreeMap<>();

        Group(String key) {
            this.key = key;
        }

        private long fromDailyCounts;

        void addFromDailyCounts(long count) {
            reads += count;
            fromDailyCounts += count;
        }

        private long reveals;

        void add(AuditEvent event, ReadFields read) {
            reads++;
            if (AuditActions.FIELD_REVEALED.equals(event.getAction())) {
                reveals++;
            }
            users.add(event.getActor());
            full += read.fields().size();
            masked += read.masked().size();
            if (read.basis() != null) {
                for (String basis : read.basis().split(",")) {
                    bases.merge(basis.replaceAll("#.*", ""), 1L, Long::sum);
                }
            }
            read.classifications().forEach(c -> classifications.merge(c, 1L, Long::sum));
        }

        Row row() {
            return new Row(key, reads, fromDailyCounts, users.size(), full, masked, bases, classifications, reveals);
        }
    }
}
