package org.custodian.application.pii;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.custodian.application.attachment.ContentMeter;
import org.custodian.domain.model.attachment.Attachment;
import org.custodian.domain.model.attachment.AttachmentKeys;
import org.custodian.domain.model.attachment.AttachmentVault;

/**
 * Text attachments read again as an upload reads them (the first MiB through the detector): one the scan now flags
 * for card numbers or secrets is flagged, so the ticket page warns about it as about a new upload. Its content is
 * not rewritten: it is the customer's file, and the ingest keeps files as they came too.
 */
@Dependent
class AttachmentRescan {

    @Inject
    AttachmentKeys keys;

    @Inject
    AttachmentVault vault;

    void rescan(List<Attachment> found, Function<Collection<Long>, DefaultPiiRescanService.Guard> guards,
            DefaultPiiRescanService.Tally tally) {
        if (found.isEmpty()) {
            return;
        }
        DefaultPiiRescanService.Guard guard = guards.apply(found.stream().map(Attachment::getTicketId).toList());
        for (Attachment attachment : found) {
            Optional<char[]> passphrase = keys.passphrase(attachment.getCustomerId());
            if (passphrase.isEmpty() || guard.skips(attachment.getTicketId())) {
                continue; // erased: the key is destroyed and nothing can be read any more
            }
            ContentMeter meter = read(attachment, passphrase.get());
            if (meter == null) {
                tally.unreadable(String.valueOf(attachment.getTicketId()), attachment.getId());
                continue;
            }
            tally.read(Math.min(meter.size(), PiiService.MAX_SCAN_BYTES));
            ContentMeter.Findings now = meter.findings();
            if (!now.flagged() || attachment.isFlagged() && Objects.equals(now.summary(), attachment.getPiiSummary())) {
                continue;
            }
            String resource = String.valueOf(attachment.getTicketId());
            String keptBecause = guard.keptBecause(attachment.getTicketId());
            if (keptBecause != null) {
                tally.keptAttachment(resource, attachment.getId(), now.summary(), keptBecause);
                continue;
            }
            attachment.rescanned(now.summary(), true);
            tally.flagged(resource, attachment.getId(), now.summary());
        }
    }

    /** Null when the stored file cannot be decrypted. Reads no further than the scan looks (one buffer past the first MiB, so the summary says "first MiB"). */
    private ContentMeter read(Attachment attachment, char[] passphrase) {
        ContentMeter meter = new ContentMeter(true);
        try (InputStream in = vault.reader(attachment, passphrase)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while (meter.size() <= PiiService.MAX_SCAN_BYTES && (n = in.read(buffer)) > 0) {
                meter.update(buffer, n);
            }
        } catch (IOException e) {
            return null; // the integrity check names the damage; the scan reports it and goes on
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        return meter;
    }
}
