package org.custodian.application.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.FieldDigest;
import org.custodian.application.backup.DatabaseRestored;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditEventRepository;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.privacy.ConsentPurpose;
import org.custodian.domain.model.privacy.ConsentRepository;
import org.custodian.domain.model.privacy.Erasure;
import org.custodian.domain.model.privacy.ErasureLedger;
import org.custodian.domain.model.privacy.ErasureLedger.ErasedCounts;
import org.custodian.domain.model.retention.LegalHold;
import org.custodian.domain.model.retention.RetentionRepository;

/**
 * What must hold again in every restored copy before it commits, whatever the backup's age: the whole erasure
 * ledger (read from the live database) is applied again, so a backup taken before an erasure never brings the
 * person back (erasures the copy already holds change nothing); chat transcripts whose customer has no storage
 * consent now (consent is kept live) are removed unless a live legal hold covers them; and rectifications made
 * after the backup are reported, since the copy holds the values from before them.
 */
@ApplicationScoped
public class ErasureReplay {

    @Inject
    ErasureLedger ledger;

    @Inject
    FieldDigest digest;

    @Inject
    ConsentRepository consents;

    @Inject
    RetentionRepository retention;

    @Inject
    AuditEventRepository events;

    void reapply(@Observes DatabaseRestored restored) {
        ErasedCounts total = new ErasedCounts(0, 0, 0, 0);
        int erasures = 0;
        for (Erasure erasure : ledger.all()) {
            total = total.plus(ledger.reapply(restored.connection(), erasure.getRequestId(), erasure.getCustomerIds(),
                    erasure.getErasedAt(), identifier -> keyedHash(digest, identifier)));
            erasures++;
        }
        restored.checks().add("OK erasure ledger re-applied: " + erasures + " erasure(s) of " + total.customers()
                + " customer record(s); " + total.tickets() + " ticket(s) anonymized again");

        List<LegalHold> holds = retention.holds(true);
        int[] transcripts = consents.removeTranscriptsWithoutConsent(restored.connection(),
                consents.customersConsenting(ConsentPurpose.CHAT_TRANSCRIPT_STORAGE),
                subject -> holds.stream().anyMatch(hold -> hold.covers(subject)));
        restored.checks().add("OK chat transcripts without consent in force removed from the restored copy: "
                + transcripts[0] + " (" + transcripts[1] + " kept by legal holds)");

        Set<String> rectified = new TreeSet<>();
        for (AuditEvent event : events.findActions(restored.pointInTime(), Instant.now(),
                List.of(AuditActions.CUSTOMER_RECTIFY), 0, 10_000)) {
            rectified.add(event.getResourceId());
        }
        if (!rectified.isEmpty()) {
            restored.checks().add("WARN rectifications made after the backup are not in the restored copy: customer"
                    + " record(s) " + rectified + " (events CUSTOMER_RECTIFY in the trail); correct them again from"
                    + " their RECTIFICATION requests");
        }
    }

    /** What the request register keeps of an identifier: its keyed hash, or only the mark without a key. */
    static String keyedHash(FieldDigest digest, String identifier) {
        String hashed = digest.of("privacy_request.subject", identifier);
        return hashed.startsWith("hmac:") ? hashed : Customer.ERASED;
    }
}
