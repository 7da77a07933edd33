package org.custodian.application.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.custodian.application.audit.FieldDigest;
import org.custodian.application.backup.DatabaseRestored;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.privacy.Erasure;
import org.custodian.domain.model.privacy.ErasureLedger;
import org.custodian.domain.model.privacy.ErasureLedger.ErasedCounts;

/**
 * Applies the whole erasure ledger (read from the live database) to every restored copy before it commits, so a
 * backup taken before an erasure never brings the person back. Erasures the copy already holds change nothing.
 */
@ApplicationScoped
public class ErasureReplay {

    @Inject
    ErasureLedger ledger;

    @Inject
    FieldDigest digest;

    void reapply(@Observes DatabaseRestored restored) {
        ErasedCounts total = new ErasedCounts(0, 0, 0, 0);
        int erasures = 0;
        for (Erasure erasure : ledger.all()) {
            total = total.plus(ledger.reapply(restored.connection(), erasure.getCustomerIds(), erasure.getErasedAt(),
                    identifier -> {
                        String hashed = digest.of("privacy_request.subject", identifier);
                        return hashed.startsWith("hmac:") ? hashed : Customer.ERASED;
                    }));
            erasures++;
        }
        restored.checks().add("OK erasure ledger re-applied: " + erasures + " erasure(s) of " + total.customers()
                + " customer record(s); " + total.tickets() + " ticket(s) anonymized again");
    }
}
