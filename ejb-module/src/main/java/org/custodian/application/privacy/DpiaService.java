package org.custodian.application.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custodian.application.shared.Caller;

/**
 * Data protection impact assessments (Art. 35 GDPR, #25): written and changed by privacy officers, each change a
 * new version (older ones stay readable), signed off by a privacy officer other than the version's writer (four
 * eyes), reviewed by a date; read by privacy officers and auditors. Every write and sign-off is audited.
 */
public interface DpiaService {

    /** The current version of every assessment, soonest review first. */
    List<DpiaView> list(Caller caller);

    DpiaView create(Caller caller, DpiaInput input);

    /** The current version. */
    DpiaView get(Caller caller, long id);

    /** A new version from the whole content again ({@code expectedVersion}: the If-Match, null to skip; 412). */
    DpiaView revise(Caller caller, long id, DpiaInput input, Long expectedVersion);

    /** Every version, oldest first. */
    List<DpiaView> versions(Caller caller, long id);

    DpiaView version(Caller caller, long id, long version);

    /**
     * Signs off {@code version}, which must be the current one (409 otherwise or when signed already); its writer
     * may not (403, audited).
     */
    DpiaView signOff(Caller caller, long id, Long version, String note);

    record RiskInput(String description, String likelihood, String severity, String measures) {
    }

    /** @param reviewDate YYYY-MM-DD */
    record DpiaInput(String title, String processing, List<String> purposes, List<RiskInput> risks,
            String residualRisk, String residualReason, String reviewDate, String reason) {
    }

    /** @param level the inherent level from likelihood and severity, before the measures */
    record RiskView(String description, String likelihood, String severity, String level, String measures)
            implements java.io.Serializable {
    }

    /**
     * One version. {@code currentVersion} is the assessment's newest; {@code status} DRAFT, SIGNED_OFF or REVIEW_DUE
     * (the review date is reached); {@code signedOffVersion} the newest version signed off (null: none).
     */
    record DpiaView(long id, long version, long currentVersion, String title, String processing,
            List<String> purposes, List<RiskView> risks, String residualRisk, String residualReason,
            boolean priorConsultationRequired, LocalDate reviewDate, boolean reviewDue, String status,
            String reason, String writtenBy, Instant writtenAt, String signedOffBy, Instant signedOffAt,
            String signOffNote, Long signedOffVersion) implements java.io.Serializable {
    }
}
