package org.custodian.application.pii;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.pii.PiiDetector;
import org.custodian.domain.model.pii.PiiFinding;
import org.custodian.domain.model.pii.PiiMasker;
import org.custodian.domain.model.pii.PiiType;

@Stateless
public class DefaultPiiService implements PiiService {

    /** Never stored, whoever writes: payment card numbers and credentials. */
    static final Set<PiiType> NEVER_STORED = Set.of(PiiType.CREDIT_CARD, PiiType.SECRET);

    /** Thread-safe and immutable; one instance serves every request. */
    private static final PiiDetector DETECTOR = new PiiDetector();

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Override
    public ScanResult scan(Caller caller, String text) {
        policy.enforce(caller, Permission.PII_SCAN, AuditActions.PII, null);
        List<PiiFinding> findings = DETECTOR.scan(text);
        // what was found, by type and count: never the values
        audit.record(caller, AuditActions.PII_SCAN, AuditActions.PII, null,
                new Redaction(text, countsOf(findings)).summaryEntries(), AuditOutcome.SUCCESS);
        return new ScanResult(findings, PiiMasker.mask(text, findings));
    }

    @Override
    public Redaction redactForStorage(String text) {
        if (text == null || text.isEmpty()) {
            return new Redaction(text, Map.of());
        }
        List<PiiFinding> neverStored = new ArrayList<>();
        for (PiiFinding finding : DETECTOR.scan(text)) {
            if (NEVER_STORED.contains(finding.type())) {
                neverStored.add(finding);
            }
        }
        if (neverStored.isEmpty()) {
            return new Redaction(text, Map.of());
        }
        return new Redaction(PiiMasker.mask(text, neverStored), countsOf(neverStored));
    }

    private static Map<PiiType, Integer> countsOf(List<PiiFinding> findings) {
        Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
        findings.forEach(finding -> counts.merge(finding.type(), 1, Integer::sum));
        return counts;
    }
}
