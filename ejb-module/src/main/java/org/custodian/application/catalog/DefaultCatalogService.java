package org.custodian.application.catalog;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.policy.Reserved;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.catalog.CatalogEntry;
import org.custodian.domain.model.catalog.CatalogKind;
import org.custodian.domain.model.catalog.CatalogRepository;
import org.custodian.domain.model.team.Team;
import org.custodian.domain.model.team.TeamRepository;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultCatalogService implements CatalogService {

    /** How many codes a refusal lists before pointing at the whole list. */
    private static final int LISTED = 15;

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private CatalogRepository catalog;

    @Inject
    private TeamRepository teams;

    private final Clock clock = Clock.systemUTC();

    @Override
    public List<CatalogEntryView> list(Caller caller, CatalogKind kind, boolean includeRetired) {
        policy.enforce(caller, Permission.CATALOG_READ, AuditActions.CATALOG_ENTRY, kind.path());
        return catalog.list(kind, includeRetired).stream().map(CatalogEntryView::of).toList();
    }

    @Override
    public List<CatalogEntryView> active(CatalogKind kind) {
        return catalog.list(kind, false).stream().map(CatalogEntryView::of).toList();
    }

    @Override
    public CatalogEntryView create(Caller caller, CatalogKind kind, NewCatalogEntry input) {
        String id = kind.path() + "/" + input.code();
        policy.enforce(caller, Permission.CATALOG_MANAGE, AuditActions.CATALOG_ENTRY, id);
        RuleCheck check = new RuleCheck();
        // only the system opens SECURITY and BACKUP tickets: a listed one would let anyone choose it
        check.require(kind != CatalogKind.CATEGORY || !(Reserved.SECURITY_CATEGORY.equals(input.code())
                || Reserved.BACKUP_CATEGORY.equals(input.code())), "code", "'" + input.code()
                + "' is reserved for tickets the system opens; choose another code");
        requireTeam(check, input.ownerTeam());
        check.throwIfAny();
        Instant now = clock.instant();
        CatalogEntry entry = new CatalogEntry(kind, input.code(), input.name(), input.ownerTeam(), now);
        CatalogEntry existing = catalog.find(kind, entry.getCode()).orElse(null);
        if (existing != null) {
            throw new ConflictException("the " + kind.word() + " '" + entry.getCode() + "' already exists"
                    + (existing.isRetired() ? " (retired: reactivate it with {\"active\": true})" : ""));
        }
        catalog.store(entry);
        try {
            catalog.flush();
        } catch (PersistenceException e) {
            throw new ConflictException("the " + kind.word() + " '" + entry.getCode() + "' already exists");
        }
        audit.record(caller, AuditActions.CATALOG_CREATE, AuditActions.CATALOG_ENTRY, id,
                List.of("code=" + entry.getCode(), "name=" + entry.getName(), "ownerTeam=" + entry.getOwnerTeam()),
                AuditOutcome.SUCCESS);
        return CatalogEntryView.of(entry);
    }

    @Override
    public CatalogEntryView change(Caller caller, CatalogKind kind, String code, CatalogEntryChanges changes) {
        String id = kind.path() + "/" + code;
        policy.enforce(caller, Permission.CATALOG_MANAGE, AuditActions.CATALOG_ENTRY, id);
        CatalogEntry entry = catalog.find(kind, code).orElseThrow(() -> new ResourceNotFoundException(kind.word(),
                code));
        RuleCheck check = new RuleCheck().require(changes.name() != null || changes.ownerTeam() != null
                || changes.active() != null, "body", "name a field to change: name, ownerTeam or active (the code"
                + " never changes: tickets refer to it)");
        if (changes.ownerTeam() != null) {
            requireTeam(check, changes.ownerTeam());
        }
        check.throwIfAny();
        String nameBefore = entry.getName();
        String ownerBefore = entry.getOwnerTeam();
        boolean retiredBefore = entry.isRetired();
        Instant now = clock.instant();
        List<String> fields = new ArrayList<>();
        if (changes.name() != null && entry.rename(changes.name(), now)) {
            fields.add("name=" + nameBefore + "->" + entry.getName());
        }
        if (changes.ownerTeam() != null && entry.handTo(changes.ownerTeam(), now)) {
            fields.add("ownerTeam=" + ownerBefore + "->" + entry.getOwnerTeam());
        }
        if (changes.active() != null && entry.retire(!changes.active(), now)) {
            fields.add("retired=" + retiredBefore + "->" + entry.isRetired());
        }
        if (!fields.isEmpty()) {
            catalog.flush();
            audit.record(caller, AuditActions.CATALOG_CHANGE, AuditActions.CATALOG_ENTRY, id, fields,
                    AuditOutcome.SUCCESS);
        }
        return CatalogEntryView.of(entry);
    }

    @Override
    public String refusal(CatalogKind kind, String value) {
        if (value == null || !kind.wellFormed(value)) {
            return null;
        }
        CatalogEntry entry = catalog.find(kind, value).orElse(null);
        if (entry != null && !entry.isRetired()) {
            return null;
        }
        List<String> active = catalog.list(kind, false).stream().map(CatalogEntry::getCode).toList();
        StringBuilder why = new StringBuilder();
        if (entry == null) {
            why.append("'").append(value).append("' is not a listed ").append(kind.word());
            String close = closest(value, active);
            if (close != null) {
                why.append(" (did you mean ").append(close).append("?)");
            }
        } else {
            why.append("the ").append(kind.word()).append(" '").append(value).append("' was retired and is kept"
                    + " only on tickets that had it");
        }
        if (active.isEmpty()) {
            return why.append("; no ").append(kind.word()).append(" is listed yet: a supervisor adds them (POST"
                    + " /api/v1/catalog/").append(kind.path()).append(")").toString();
        }
        why.append("; choose one of ").append(String.join(", ", active.subList(0, Math.min(LISTED,
                active.size()))));
        if (active.size() > LISTED) {
            why.append(", … (").append(active.size()).append(" in all: GET /api/v1/catalog/").append(kind.path())
                    .append(")");
        }
        return why.toString();
    }

    private void requireTeam(RuleCheck check, String key) {
        if (key != null && !key.isBlank() && teams.findByKey(key).isEmpty()) {
            check.require(false, "ownerTeam", "no team '" + key + "'; teams: "
                    + teams.findAll().stream().map(Team::getKey).toList());
        }
    }

    /** The listed code within two edits of a typo, if exactly one is that close. */
    static String closest(String value, List<String> codes) {
        String best = null;
        int bestDistance = 3;
        boolean tie = false;
        for (String code : codes) {
            int distance = distance(value, code);
            if (distance < bestDistance) {
                best = code;
                bestDistance = distance;
                tie = false;
            } else if (distance == bestDistance) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
