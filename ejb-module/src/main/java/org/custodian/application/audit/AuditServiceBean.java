package org.custodian.application.audit;

import jakarta.inject.Inject;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditChainHead;
import org.custodian.domain.model.audit.AuditTrailVerifier;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditEventRepository;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.audit.AuditRecord;

@Stateless
public class AuditServiceBean implements AuditService {

    /** Events read per round trip during verification; the persistence context is cleared between pages. */
    static final int VERIFY_PAGE = 5000;

    @Inject
    private AuditEventRepository events;

    @EJB
    private PolicyService policy;

    @Inject
    private CheckpointSigner signer;

    private static final int FIELDS_MAX = 1024;

    /** The size of the resource_id column; longer ids (a crafted URL) are cut and marked, not a 500. */
    static final int RESOURCE_ID_MAX = 2048;

    private final Clock clock = Clock.systemUTC();

    @Override
    public void record(Caller caller, String action, String resourceType, String resourceId,
            Collection<String> fields, AuditOutcome outcome) {
        AuditChainHead head = events.lockHead();
        events.store(head.append(toRecord(caller, new Entry(action, resourceType, resourceId, fields, outcome)),
                clock.instant()));
    }

    @Override
    public void recordAll(Caller caller, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<AuditRecord> records = new java.util.ArrayList<>(entries.size());
        entries.forEach(entry -> records.add(toRecord(caller, entry)));
        AuditChainHead head = events.lockHead();
        events.storeAll(head.appendAll(records, clock.instant()));
    }

    private static AuditRecord toRecord(Caller caller, Entry entry) {
        Collection<String> fields = entry.fields();
        String fieldList = fields == null || fields.isEmpty() ? null : fieldList(new TreeSet<>(fields));
        return new AuditRecord(caller.username(), caller.rolesText(), entry.action(), entry.resourceType(),
                resourceId(entry.resourceId()), fieldList, entry.outcome(), caller.requestId(),
                caller.clientAddress());
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordNow(Caller caller, String action, String resourceType, String resourceId,
            Collection<String> fields, AuditOutcome outcome) {
        record(caller, action, resourceType, resourceId, fields, outcome);
    }

    static String resourceId(String resourceId) {
        if (resourceId == null || resourceId.length() <= RESOURCE_ID_MAX) {
            return resourceId;
        }
        String marker = "...[truncated " + resourceId.length() + " chars]";
        return resourceId.substring(0, RESOURCE_ID_MAX - marker.length()) + marker;
    }

    /** Joined with commas; past the column's size the tail is counted rather than failing the operation. */
    static String fieldList(Collection<String> fields) {
        StringBuilder joined = new StringBuilder();
        int written = 0;
        for (String field : fields) {
            String more = "+" + (fields.size() - written) + " more";
            if (joined.length() + field.length() + 1 + more.length() + 1 > FIELDS_MAX) {
                return joined.append(more).toString();
            }
            joined.append(field).append(',');
            written++;
        }
        return joined.substring(0, joined.length() - 1);
    }

    @Override
    public AuditVerification verify(Caller caller) {
        policy.enforce(caller, Permission.AUDIT_VERIFY, AuditActions.AUDIT_TRAIL, null);
        AuditVerification result = walkChain();
        record(caller, AuditActions.AUDIT_VERIFY, AuditActions.AUDIT_TRAIL, null, null, AuditOutcome.SUCCESS);
        return result;
    }

    private AuditVerification walkChain() {
        // The head is read first: events appended while we walk are not part of this verification.
        AuditChainHead head = events.readHead();
        AuditTrailVerifier verifier = new AuditTrailVerifier(events.checkpoints(), signer::verify);
        long after = 0;
        while (verifier.isIntact() && after < head.getLastSequence()) {
            List<AuditEvent> page = events.findAfter(after, VERIFY_PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (AuditEvent event : page) {
                if (event.getSequence() > head.getLastSequence() || !verifier.accept(event)) {
                    break;
                }
            }
            after = page.get(page.size() - 1).getSequence();
        }
        verifier.finish(head.getLastSequence(), head.getLastHash());
        return AuditVerification.of(verifier.isIntact(), verifier.verifiedCount(), verifier.firstBadSequence(),
                verifier.checkpointsVerified(), verifier.reason());
    }
}
