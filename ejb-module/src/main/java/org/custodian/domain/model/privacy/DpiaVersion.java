package org.custodian.domain.model.privacy;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.custodian.domain.shared.RuleCheck;

/**
 * One version of a DPIA: the processing described, the purposes of the records of processing it covers, its risks
 * (likelihood, severity, measures), the residual risk once the measures work, and the date it must be reviewed by.
 * Written once; the only change is the sign-off by a privacy officer other than its writer (four eyes). A residual
 * risk that stays HIGH means the supervisory authority must be consulted before the processing (Art. 36).
 */
@Entity
@Table(name = "dpia_version")
@NamedQuery(name = "DpiaVersion.ofDpia", query = "SELECT v FROM DpiaVersion v WHERE v.dpiaId = :dpiaId"
        + " ORDER BY v.version")
@NamedQuery(name = "DpiaVersion.one", query = "SELECT v FROM DpiaVersion v WHERE v.dpiaId = :dpiaId"
        + " AND v.version = :version")
@NamedQuery(name = "DpiaVersion.current", query = "SELECT v FROM DpiaVersion v, Dpia d WHERE v.dpiaId = d.id"
        + " AND v.version = d.currentVersion ORDER BY d.id")
public class DpiaVersion {

    /** Purpose names are joined with line breaks: the configured names are separated by ';' and have none. */
    private static final String SEPARATOR = "\n";

    /** The longest a review may be put off: an assessment is revisited at least every three years. */
    public static final int MAX_REVIEW_YEARS = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dpia_version_seq")
    @SequenceGenerator(name = "dpia_version_seq", sequenceName = "dpia_version_seq", allocationSize = 50)
    private Long id;

    @Column(name = "dpia_id", nullable = false)
    private long dpiaId;

    @Column(nullable = false)
    private long version;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 4000)
    private String processing;

    @Column(nullable = false, length = 2000)
    private String purposes;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dpia_risk", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "position")
    private List<DpiaRisk> risks = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "residual_risk", nullable = false, length = 8)
    private RiskLevel residualRisk;

    @Column(name = "residual_reason", nullable = false, length = 2000)
    private String residualReason;

    @Column(name = "review_date", nullable = false)
    private LocalDate reviewDate;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(name = "written_by", nullable = false, length = 64)
    private String writtenBy;

    @Column(name = "written_at", nullable = false)
    private Instant writtenAt;

    @Column(name = "signed_off_by", length = 64)
    private String signedOffBy;

    @Column(name = "signed_off_at")
    private Instant signedOffAt;

    @Column(name = "sign_off_note", length = 1000)
    private String signOffNote;

    /** What a version says; the constructor checks it as a whole. */
    public record Content(String title, String processing, List<String> purposes, List<DpiaRisk> risks,
            RiskLevel residualRisk, String residualReason, LocalDate reviewDate, String reason) {
    }

    protected DpiaVersion() {
    }

    /**
     * Version {@code version} of DPIA {@code dpiaId}; every broken rule is a 422 naming its field ({@code today}: the
     * writer's date, for the review date, which must lie ahead and at most {@link #MAX_REVIEW_YEARS} years away).
     */
    public DpiaVersion(long dpiaId, long version, Content content, String writtenBy, Instant now, LocalDate today) {
        validate(content, today);
        List<String> named = names(content.purposes());
        List<DpiaRisk> given = content.risks();
        LocalDate review = content.reviewDate();
        this.dpiaId = dpiaId;
        this.version = version;
        this.title = content.title().trim();
        this.processing = content.processing().trim();
        this.purposes = String.join(SEPARATOR, named);
        this.risks = new ArrayList<>(given);
        this.residualRisk = content.residualRisk();
        this.residualReason = content.residualReason().trim();
        this.reviewDate = review;
        this.reason = content.reason().trim();
        this.writtenBy = writtenBy;
        this.writtenAt = now;
    }

    /** Every rule a version's content must meet, all broken ones at once (422, naming the fields). */
    public static void validate(Content content, LocalDate today) {
        RuleCheck check = new RuleCheck();
        check.requireText(content.title(), "title", 200);
        check.requireMultilineText(content.processing(), "processing", 4000);
        List<String> named = names(content.purposes());
        check.require(!named.isEmpty(), "purposes", "name at least one purpose of the records of processing that"
                + " this assessment covers");
        check.require(named.stream().noneMatch(String::isEmpty), "purposes", "must not hold empty names");
        check.require(String.join(SEPARATOR, named).length() <= 2000, "purposes", "at most 2000 characters in all");
        List<DpiaRisk> given = content.risks() == null ? List.of() : content.risks();
        check.require(!given.isEmpty() && given.size() <= 50, "risks", "assess from 1 to 50 risks to the subjects");
        for (int at = 0; at < given.size(); at++) {
            DpiaRisk risk = given.get(at);
            String field = "risks[" + at + "]";
            check.requireText(risk.getDescription(), field + ".description", 1000);
            check.require(risk.getLikelihood() != null, field + ".likelihood", "one of " + levels());
            check.require(risk.getSeverity() != null, field + ".severity", "one of " + levels());
            check.requireMultilineText(risk.getMeasures(), field + ".measures", 2000);
        }
        check.require(content.residualRisk() != null, "residualRisk", "one of " + levels()
                + ": the risk that remains once the measures work");
        check.requireMultilineText(content.residualReason(), "residualReason", 2000);
        LocalDate review = content.reviewDate();
        check.require(review != null && review.isAfter(today) && !review.isAfter(today.plusYears(MAX_REVIEW_YEARS)),
                "reviewDate", "a date after today and at most " + MAX_REVIEW_YEARS + " years ahead (YYYY-MM-DD)");
        check.requireText(content.reason(), "reason", 1000);
        check.throwIfAny();
    }

    private static List<String> names(List<String> purposes) {
        return purposes == null ? List.of()
                : purposes.stream().map(name -> name == null ? "" : name.trim()).distinct().toList();
    }

    /**
     * Why {@code signer} may not sign this version off, or null when they may: never twice, never by its writer
     * (four eyes; the policy decides whether they may sign off at all).
     */
    public String signOffRefusal(String signer) {
        if (signedOffBy != null) {
            return "version " + version + " was signed off by " + signedOffBy + " at " + signedOffAt;
        }
        if (signer.equals(writtenBy)) {
            return "you wrote version " + version + ": another privacy officer must sign it off (four eyes)";
        }
        return null;
    }

    public void signOff(String signer, String note, Instant now) {
        String refusal = signOffRefusal(signer);
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
        new RuleCheck().optionalText(note, "note", 1000).throwIfAny();
        signedOffBy = signer;
        signedOffAt = now;
        signOffNote = note == null || note.isBlank() ? null : note.trim();
    }

    /** Due for review on and after its review date. */
    public boolean isReviewDue(LocalDate today) {
        return !today.isBefore(reviewDate);
    }

    /** REVIEW_DUE once the review date is reached, else SIGNED_OFF or DRAFT (not signed off yet). */
    public String status(LocalDate today) {
        return isReviewDue(today) ? "REVIEW_DUE" : signedOffBy != null ? "SIGNED_OFF" : "DRAFT";
    }

    /** Art. 36: a high residual risk needs the supervisory authority's prior consultation. */
    public boolean isPriorConsultationRequired() {
        return residualRisk == RiskLevel.HIGH;
    }

    private static String levels() {
        return Arrays.toString(RiskLevel.values());
    }

    public List<String> getPurposes() {
        return purposes.isEmpty() ? List.of() : List.of(purposes.split(SEPARATOR));
    }

    public Long getId() {
        return id;
    }

    public long getDpiaId() {
        return dpiaId;
    }

    public long getVersion() {
        return version;
    }

    public String getTitle() {
        return title;
    }

    public String getProcessing() {
        return processing;
    }

    public List<DpiaRisk> getRisks() {
        return List.copyOf(risks);
    }

    public RiskLevel getResidualRisk() {
        return residualRisk;
    }

    public String getResidualReason() {
        return residualReason;
    }

    public LocalDate getReviewDate() {
        return reviewDate;
    }

    public String getReason() {
        return reason;
    }

    public String getWrittenBy() {
        return writtenBy;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }

    public String getSignedOffBy() {
        return signedOffBy;
    }

    public Instant getSignedOffAt() {
        return signedOffAt;
    }

    public String getSignOffNote() {
        return signOffNote;
    }
}
