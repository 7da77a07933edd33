package org.custodian.application.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodian.application.shared.Caller;

/** Records of processing and DPIA inputs (privacy officer, auditor); every read is audited. */
public interface PrivacyRecordsService {

    RecordsOfProcessing recordsOfProcessing(Caller caller);

    DpiaInputs dpiaInputs(Caller caller);

    /** GDPR Art. 30(1), as far as the system itself can state it. */
    record RecordsOfProcessing(Instant generatedAt, String controller, String contact, List<Purpose> purposes,
            List<String> dataSubjects, List<DataCategory> categoriesOfPersonalData, List<Transfer> transfers,
            List<RetentionRule> retention, int activeLegalHolds, List<String> securityMeasures) {
    }

    /** @param assessments the DPIAs that cover the purpose (#25), each as its current version */
    record Purpose(String name, String legalBasis, List<DpiaLink> assessments) {
    }

    /**
     * A DPIA covering a purpose: its current version, status (DRAFT, SIGNED_OFF, REVIEW_DUE), review date, whether
     * that date is reached, and the newest version signed off (null: none yet).
     */
    record DpiaLink(long id, long version, String title, String status, java.time.LocalDate reviewDate,
            boolean reviewDue, Long signedOffVersion, String href) {
    }

    /** One classification of personal data: its fields and who receives them in full or masked. */
    record DataCategory(String classification, List<String> fields, List<String> recipientsFull,
            List<String> recipientsMasked) {
    }

    record Transfer(String from, String to, String basis, String reason, Instant since) {
    }

    record RetentionRule(String name, List<String> categories, List<String> regions, String clock, int days,
            String action) {
    }

    record DpiaInputs(Instant generatedAt, List<FieldExposure> fields, Map<String, Long> subjectsPerRegion,
            Map<String, Long> ticketsPerRegion, long comments, long auditEvents, int activeTransferRules,
            int activeLegalHolds) {
    }

    /** A field, its classification, and what each role is shown of it. */
    record FieldExposure(String field, String classification, Map<String, String> visibilityByRole) {
    }
}
