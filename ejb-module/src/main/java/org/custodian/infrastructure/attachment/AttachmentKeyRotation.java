package org.custodian.infrastructure.attachment;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.custodian.application.audit.AuditService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;

/**
 * At start, when previous master keys are configured: re-wraps the data keys and the held mail keys they wrapped
 * under the current master key, in one transaction with its audit event. Once it has run, the previous keys can be
 * removed from the configuration (and from every copy of it).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class AttachmentKeyRotation {

    private static final Logger LOG = Logger.getLogger(AttachmentKeyRotation.class.getName());

    @Inject
    WrappedAttachmentKeys keys;

    @Inject
    AuditService audit;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void rewrap() {
        if (keys.previous().isEmpty()) {
            return;
        }
        Map<String, Integer> counts = keys.rewrap();
        int dataKeys = counts.get(MasterKeyRewrap.DATA_KEYS);
        int heldMail = counts.get(MasterKeyRewrap.HELD_MAIL);
        if (dataKeys + heldMail > 0) {
            audit.record(Caller.system("attachment-keys", null), "ATTACHMENT_KEYS_REWRAPPED", "attachment-key", null,
                    List.of("count=" + dataKeys, "heldMail=" + heldMail, "master=" + keys.master().fingerprint()),
                    AuditOutcome.SUCCESS);
            LOG.warning(() -> "Re-wrapped " + dataKeys + " attachment data key(s) and " + heldMail + " held mail"
                    + " key(s) under the current master key; the previous master keys may now be removed from the"
                    + " configuration.");
        }
    }
}
