package org.custodian.application.attachment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodian.domain.model.attachment.Attachment;

/**
 * An attachment as a reader of its ticket sees it: what it is, who or what added it, what the PII scan found
 * ({@code flagged}: card numbers or secrets), whether this caller may download it and whether it can be opened at all
 * (its customer's key destroyed by an erasure: never again).
 */
public record AttachmentView(long id, long ticketId, String filename, String contentType, long size, String sha256,
        String source, String addedBy, Instant createdAt, String piiFindings, boolean flagged, boolean downloadable,
        boolean erased) {

    static AttachmentView of(Attachment a, boolean downloadable, boolean erased) {
        String source = a.getSourceKind().name();
        return new AttachmentView(a.getId(), a.getTicketId(), a.getFilename(), a.getContentType(), a.getSizeBytes(),
                a.getContentSha256(), source, a.getSourceKind() == Attachment.Source.UPLOAD ? a.getSourceRef() : null,
                a.getCreatedAt(), a.getPiiSummary(), a.isFlagged(), downloadable && !erased, erased);
    }

    /** The JSON body of the API. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("ticketId", ticketId);
        body.put("filename", filename);
        body.put("contentType", contentType);
        body.put("size", size);
        body.put("sha256", sha256);
        body.put("source", source);
        if (addedBy != null) {
            body.put("addedBy", addedBy);
        }
        body.put("createdAt", createdAt.toString());
        if (piiFindings != null) {
            body.put("piiFindings", piiFindings);
        }
        body.put("flagged", flagged);
        body.put("downloadable", downloadable);
        body.put("erased", erased);
        return body;
    }
}
