package org.custodian.application.privacy;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.access.AccessRepository;
import org.custodian.domain.model.access.TransferRule;
import org.custodian.domain.model.audit.AuditCheckpoint;
import org.custodian.domain.model.audit.AuditCheckpointRepository;
import org.custodian.domain.model.audit.AuditEventRepository;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.policy.Classification;
import org.custodian.domain.model.policy.ClassificationEntry;
import org.custodian.domain.model.policy.PolicyRepository;
import org.custodian.domain.model.policy.Visibility;
import org.custodian.domain.model.policy.VisibilityRule;
import org.custodian.domain.model.privacy.ProcessingStatistics;
import org.custodian.domain.model.retention.RetentionPolicy;
import org.custodian.domain.model.retention.RetentionRepository;

@Stateless
public class DefaultPrivacyRecordsService implements PrivacyRecordsService {

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private PolicyRepository policies;

    @Inject
    private AccessRepository access;

    @Inject
    private RetentionRepository retention;

    @Inject
    private AuditEventRepository events;

    @Inject
    private AuditCheckpointRepository checkpoints;

    @Inject
    private ProcessingStatistics statistics;

    @Inject
    PrivacyController controller;

    @Inject
    private ProcessingPurposes purposes;

    @Inject
    private DpiaCoverage coverage;

    private final Clock clock = Clock.systemUTC();

    @Override
    public RecordsOfProcessing recordsOfProcessing(Caller caller) {
        policy.enforce(caller, Permission.PRIVACY_RECORDS_READ, AuditActions.REPORT, "records-of-processing");
        List<ClassificationEntry> catalog = policies.classifications();
        List<VisibilityRule> matrix = policies.visibilityRules();
        List<DataCategory> categories = new ArrayList<>();
        for (Classification classification : Classification.values()) {
            if (!classification.isPersonal()) {
                continue;
            }
            List<String> fields = catalog.stream().filter(entry -> entry.getClassification() == classification)
                    .map(ClassificationEntry::getFieldKey).sorted().toList();
            categories.add(new DataCategory(classification.name(), fields,
                    recipients(matrix, classification, Visibility.FULL),
                    recipients(matrix, classification, Visibility.MASKED)));
        }
        List<TransferRule> transferRules = access.transferRules(true);
        List<RetentionPolicy> retentionPolicies = retention.policies(true);
        int holds = retention.holds(true).size();
        RecordsOfProcessing records = new RecordsOfProcessing(clock.instant(), controller.name(), controller.contact(),
                coverage.linked(purposes.list()),
                List.of("Customers who contact the help desk (name, contact details, identifiers, the content of"
                        + " their requests)",
                        "People named in the text of tickets and comments (detected and masked for masked roles)",
                        "Staff and contractors using the help desk (in the audit trail: who did and read what)"),
                categories,
                transferRules.stream().map(rule -> new Transfer(rule.getFromRegion().name(),
                        rule.getToRegion().name(), rule.getBasis().name(), rule.getReason(), rule.getCreatedAt()))
                        .toList(),
                retentionPolicies.stream().map(p -> new RetentionRule(p.getName(),
                        p.getCategories().stream().sorted().toList(),
                        p.getRegions().stream().map(Enum::name).sorted().toList(), p.getClock().name(), p.getDays(),
                        p.getAction().name())).toList(),
                holds, securityMeasures(catalog.size(), transferRules.size(), retentionPolicies.size(), holds));
        audit.record(caller, AuditActions.REPORT_PRIVACY, AuditActions.REPORT, "records-of-processing", null,
                AuditOutcome.SUCCESS);
        return records;
    }

    @Override
    public DpiaInputs dpiaInputs(Caller caller) {
        policy.enforce(caller, Permission.PRIVACY_RECORDS_READ, AuditActions.REPORT, "dpia-inputs");
        List<VisibilityRule> matrix = policies.visibilityRules();
        List<FieldExposure> fields = new ArrayList<>();
        for (ClassificationEntry entry : policies.classifications()) {
            Map<String, String> byRole = new TreeMap<>();
            matrix.stream().filter(rule -> rule.getClassification() == entry.getClassification())
                    .forEach(rule -> byRole.put(rule.getRole().name(), rule.getVisibility().name()));
            fields.add(new FieldExposure(entry.getFieldKey(), entry.getClassification().name(), byRole));
        }
        fields.sort((a, b) -> a.field().compareTo(b.field()));
        DpiaInputs inputs = new DpiaInputs(clock.instant(), fields, named(statistics.customersByRegion()),
                named(statistics.ticketsByRegion()), statistics.comments(), events.readHead().getLastSequence(),
                access.transferRules(true).size(), retention.holds(true).size());
        audit.record(caller, AuditActions.REPORT_PRIVACY, AuditActions.REPORT, "dpia-inputs", null,
                AuditOutcome.SUCCESS);
        return inputs;
    }

    private static List<String> recipients(List<VisibilityRule> matrix, Classification classification,
            Visibility visibility) {
        // a REVEALABLE role receives the data masked, single fields in full on a reasoned, audited reveal (#23)
        return matrix.stream().filter(rule -> rule.getClassification() == classification
                && (rule.getVisibility() == visibility || visibility == Visibility.MASKED
                        && rule.getVisibility() == Visibility.REVEALABLE))
                .map(rule -> rule.getRole().name()).sorted().toList();
    }

    /** What is in force now, stated from the running system rather than from a document that can drift. */
    private List<String> securityMeasures(int classifiedFields, int transferRules, int retentionPolicies,
            int holds) {
        List<AuditCheckpoint> checkpoints = this.checkpoints.all();
        AuditCheckpoint latest = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
        long trail = events.readHead().getLastSequence();
        return List.of(
                "Field-level access control: " + classifiedFields + " classified fields; one policy decides for every"
                        + " role what is shown in full, masked or not at all, on every output path",
                "Personal data detected in free text is masked for roles that see masked values; masked copies are"
                        + " stored next to the text",
                "Tamper-evident audit trail of every read of CONFIDENTIAL or RESTRICTED data and every change: "
                        + trail + " events, SHA-256 hash chain and RFC 6962 Merkle tree"
                        + (latest == null ? "; no signed checkpoint yet"
                                : "; latest signed checkpoint (" + latest.getAlgorithm() + ") covers "
                                        + latest.getTreeSize() + " events, made " + latest.getCreatedAt()),
                "Regional separation: users write only in their own regions; personal fields of another region are"
                        + " withheld unless a transfer rule covers the pair (" + transferRules + " active)",
                "Time-limited, reasoned and audited exceptional access: contractor grants (at most 90 days) and"
                        + " break-glass overrides",
                "Retention: " + retentionPolicies + " active policies applied by the retention-purge job; "
                        + holds + " active legal holds, which nothing they cover can be purged past",
                "Signed access tokens with expiry; passwords stored as salted PBKDF2 hashes; repeated failed"
                        + " logins throttled");
    }

    private static Map<String, Long> named(Map<Region, Long> counts) {
        Map<String, Long> named = new TreeMap<>();
        new EnumMap<>(counts).forEach((region, count) -> named.put(region.name(), count));
        return named;
    }
}
