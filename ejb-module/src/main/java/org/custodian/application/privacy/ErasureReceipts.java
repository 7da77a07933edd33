package org.custodian.application.privacy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.TreeSet;
import org.custodian.domain.model.privacy.ErasureLedger.ErasedCounts;
import org.custodian.domain.model.privacy.PrivacyRequest;

/**
 * The receipt an erasure gives the subject (Art. 17 and 19 GDPR): what was erased and when, and what was kept on
 * which legal basis. It names records by id only, never by a personal value, so it can be kept for as long as
 * accountability requires. Its content is described in docs/architecture.md (Erasure and the erasure ledger).
 */
final class ErasureReceipts {

    private ErasureReceipts() {
    }

    static String receipt(PrivacyRequest request, ErasedCounts counts, int packages, Instant at, String officer) {
        return receipt(request, counts, packages, 0, at, officer);
    }

    /** @param attachments files encrypted under the destroyed data keys (#24), now unreadable everywhere */
    static String receipt(PrivacyRequest request, ErasedCounts counts, int packages, long attachments, Instant at,
            String officer) {
        JsonArrayBuilder records = Json.createArrayBuilder();
        new TreeSet<>(request.getSubjectCustomerIds()).forEach(records::add);
        return Json.createObjectBuilder()
                .add("format", "custodian-erasure-receipt-v1")
                .add("requestId", request.getId())
                .add("receivedAt", request.getReceivedAt().toString())
                .add("erasedAt", at.toString())
                .add("erasedBy", officer)
                .add("customerRecords", records)
                .add("erased", Json.createArrayBuilder()
                        .add(item("customer records: name, e-mail, phone, national id, external id", counts.customers(),
                                "the name replaced by [erased], the other fields emptied"))
                        .add(item("tickets of those records: subject and description, and their masked copies",
                                counts.tickets(), "replaced by [anonymized]"))
                        .add(item("comments on those tickets", counts.comments(), "replaced by [anonymized]"))
                        .add(item("the subject's e-mail address or phone number in the request register, and the"
                                + " notes officers wrote there", counts.requests(),
                                "identifiers replaced by a keyed hash (HMAC-SHA256), notes by [erased]"))
                        .add(Json.createObjectBuilder().add("what", "break-glass reasons and notifications about"
                                + " those tickets, consent sources, restriction reasons").add("how",
                                "replaced by [erased]"))
                        .add(item("access packages built for the subject", packages,
                                "files deleted, download links revoked"))
                        .add(item("files attached to those tickets (content, here and in every backup set holding"
                                + " it)", attachments, "their data key destroyed: the encrypted content can no longer"
                                + " be opened; the file name replaced by [erased]")))
                .add("retained", Json.createArrayBuilder()
                        .add(kept("ticket records without any text: category, priority, status, region, dates",
                                "no personal data remains; kept for service statistics (Recital 26)"))
                        .add(kept("customer record skeletons: id, region, creation and erasure time",
                                "no personal data remains; the ids let the erasure be re-applied (Art. 5(2))"))
                        .add(kept("audit trail events about these records: who acted, when, on which record id;"
                                        + " personal values only as keyed hashes (events written before this"
                                        + " version may quote a break-glass reason)",
                                "Art. 17(3)(b) and (e): legal obligations to keep a tamper-evident record of"
                                        + " processing, and the establishment or defence of legal claims;"
                                        + " Art. 5(2) accountability"))
                        .add(kept("encrypted backups taken before the erasure, until they expire",
                                "Art. 32 security of processing; this erasure is in the erasure ledger and is"
                                        + " applied again to every restored copy before it is used"))
                        .add(kept("this receipt and the erasure ledger entry (record ids, time, officer)",
                                "Art. 5(2) accountability; they hold no personal value")))
                .build().toString();
    }

    private static JsonObjectBuilder item(String what, long count, String how) {
        return Json.createObjectBuilder().add("what", what).add("count", count).add("how", how);
    }

    private static JsonObjectBuilder kept(String what, String basis) {
        return Json.createObjectBuilder().add("what", what).add("legalBasis", basis);
    }
}
