package org.custodian.infrastructure.batch.audit;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.custodian.domain.model.audit.AuditChainVerifier;

/** Intact links are filtered out (null); broken ones go to the writer. Same rule as the REST verification. */
@Dependent
@Named
public class AuditLinkProcessor implements ItemProcessor {

    @Override
    public Object processItem(Object item) {
        AuditLink link = (AuditLink) item;
        if (link.event() == null) {
            return new BrokenLink(link.expectedSequence());
        }
        Long bad = AuditChainVerifier.firstBadIn(link.event(), link.expectedSequence(), link.expectedPreviousHash());
        return bad == null ? null : new BrokenLink(bad);
    }
}
