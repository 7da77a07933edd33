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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.custodian.domain.shared.ChangeTracked;
import java.util.ArrayList;
import java.util.List;
import org.custodian.domain.shared.RuleCheck;

/**
 * A personal-data breach as the register keeps it (Art. 33(5)): the facts, the effects and the remedial action, the
 * 72-hour clock to the supervisory authority with its warnings, the authority's notification or the decision not to
 * notify, and the decision whether to tell the subjects (Art. 34). Where the breach is an access, the scope computed
 * from the audit trail: which subjects' data one actor read in a window.
 */
@Entity
@Table(name = "breach")
// OPEN sorts after NOTIFIED and NOT_NOTIFIED: descending puts the running clocks first, soonest due first
@NamedQuery(name = "Breach.page", query = "SELECT b FROM Breach b ORDER BY b.status DESC, b.dueAt, b.id")
@NamedQuery(name = "Breach.ofAlert", query = "SELECT b.id FROM Breach b WHERE b.alertId = :alert")
@NamedQuery(name = "Breach.count", query = "SELECT COUNT(b) FROM Breach b")
// ordered and limited to one rather than MIN: an aggregate would bypass the Instant converter (and use the index)
@NamedQuery(name = "Breach.earliestAlarm", query = "SELECT b.alarmAt FROM Breach b WHERE b.alarmAt IS NOT NULL"
        + " ORDER BY b.alarmAt")
@NamedQuery(name = "Breach.alarmsDue", query = "SELECT b.id FROM Breach b WHERE b.alarmAt <= :now ORDER BY b.alarmAt")
@NamedQuery(name = "Breach.dueForUpdate", query = "SELECT b FROM Breach b WHERE b.alarmAt <= :now ORDER BY b.alarmAt,"
        + " b.id")
public class Breach extends ChangeTracked {

    /** What the timer found due: the early warning, the deadline, or nothing (a stale alarm). */
    public enum Due { NOTHING, WARNING, DEADLINE }

    /** Art. 34: whether the data subjects are told. */
    public enum SubjectsDecision { NOTIFY, NOT_NOTIFY }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "breach_seq")
    @SequenceGenerator(name = "breach_seq", sequenceName = "breach_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 4000)
    private String nature;

    @Column(nullable = false, length = 1000)
    private String categories;

    @Column(name = "subjects_approx")
    private Long subjectsApprox;

    @Column(name = "records_approx")
    private Long recordsApprox;

    @Column(nullable = false, length = 4000)
    private String consequences;

    @Column(nullable = false, length = 4000)
    private String measures;

    @Column(name = "aware_at", nullable = false)
    private Instant awareAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "warn_at", nullable = false)
    private Instant warnAt;

    @Column(name = "warning_sent_at")
    private Instant warningSentAt;

    @Column(name = "deadline_sent_at")
    private Instant deadlineSentAt;

    @Column(name = "alarm_at")
    private Instant alarmAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private BreachStatus status;

    @Column(name = "notified_at")
    private Instant notifiedAt;

    @Column(name = "authority_reference", length = 200)
    private String authorityReference;

    @Column(name = "delay_reason", length = 2000)
    private String delayReason;

    @Column(name = "no_notification_reason", length = 2000)
    private String noNotificationReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "subjects_decision", length = 16)
    private SubjectsDecision subjectsDecision;

    @Column(name = "subjects_reason", length = 2000)
    private String subjectsReason;

    @Column(name = "subjects_decided_by", length = 64)
    private String subjectsDecidedBy;

    @Column(name = "subjects_decided_at")
    private Instant subjectsDecidedAt;

    @Column(name = "scope_actor", length = 256)
    private String scopeActor;

    @Column(name = "scope_from")
    private Instant scopeFrom;

    @Column(name = "scope_to")
    private Instant scopeTo;

    @Column(name = "scope_subjects")
    private Long scopeSubjects;

    @Column(name = "scope_records")
    private Long scopeRecords;

    @Column(name = "scope_truncated", nullable = false)
    private boolean scopeTruncated;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "breach_subject", joinColumns = @JoinColumn(name = "breach_id"))
    private List<BreachSubject> subjects = new ArrayList<>();

    @Column(name = "alert_id")
    private Long alertId;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    protected Breach() {
        // for JPA
    }

    /** The description Art. 33(3)(a), (c) and (d) asks for; categories are the kinds of personal data concerned. */
    public record Details(String nature, List<String> categories, Long subjectsApprox, Long recordsApprox,
            String consequences, String measures) {

        /** The rules of a complete description. */
        public void check(RuleCheck check) {
            check.requireMultilineText(nature, "nature", 4000)
                    .require(categories != null && !categories.isEmpty() && categories.size() <= 20,
                            "categories", "must name 1 to 20 categories of personal data, e.g. [\"contact details\"]")
                    .requireMultilineText(consequences, "consequences", 4000)
                    .requireMultilineText(measures, "measures", 4000)
                    .require(subjectsApprox == null || subjectsApprox >= 0, "subjectsApprox",
                            "must be 0 or more")
                    .require(recordsApprox == null || recordsApprox >= 0, "recordsApprox", "must be 0 or more");
            if (categories != null) {
                for (String category : categories) {
                    check.requireText(category, "categories", 100);
                    check.require(category == null || !category.contains(","), "categories",
                            "a category must not contain a comma");
                }
                check.require(String.join(",", categories).length() <= 1000, "categories",
                        "must be at most 1000 characters together");
            }
        }
    }

    public Breach(Details details, Instant awareAt, Duration warningAfter, Long alertId, String createdBy,
            Instant now) {
        super(now);
        describe(details, now);
        this.awareAt = awareAt;
        this.dueAt = BreachClock.dueAt(awareAt);
        this.warnAt = BreachClock.warnAt(awareAt, warningAfter);
        this.status = BreachStatus.OPEN;
        this.alertId = alertId;
        this.createdBy = createdBy;
        rearm();
    }

    /** Replaces the description (the approximate numbers may be left out: the computed scope stands then). */
    public final void describe(Details details, Instant now) {
        this.nature = details.nature().trim();
        this.categories = String.join(",", details.categories().stream().map(String::trim).toList());
        this.subjectsApprox = details.subjectsApprox();
        this.recordsApprox = details.recordsApprox();
        this.consequences = details.consequences().trim();
        this.measures = details.measures().trim();
        changed(now);
    }

    /** The scope computed from the trail: whose data {@code actor} read in {@code [from, to]}. */
    public void scope(String actor, Instant from, Instant to, List<BreachSubject> found, long records,
            boolean truncated) {
        this.scopeActor = actor;
        this.scopeFrom = from;
        this.scopeTo = to;
        this.subjects.clear();
        this.subjects.addAll(found);
        this.scopeSubjects = (long) found.size();
        this.scopeRecords = records;
        this.scopeTruncated = truncated;
    }

    public boolean isOpen() {
        return status == BreachStatus.OPEN;
    }

    /**
     * Records the authority's notification (Art. 33(1)); a notification after the deadline needs the reasons for
     * the delay. The caller checks that the breach is still open (a second notification is a conflict).
     */
    public void notifyAuthority(Instant at, String reference, String reasonsForDelay, Instant now) {
        RuleCheck check = new RuleCheck();
        check.require(!at.isBefore(awareAt), "notifiedAt", "must not be before the time of awareness (" + awareAt
                + ")");
        check.requireText(reference, "reference", 200);
        boolean late = BreachClock.late(awareAt, at);
        if (late) {
            check.require(reasonsForDelay != null && !reasonsForDelay.isBlank(), "delayReason",
                    "is required: the notification is later than 72 hours after awareness (due " + dueAt
                            + "), Art. 33(1) asks for the reasons for the delay");
        }
        check.optionalText(reasonsForDelay, "delayReason", 2000);
        check.throwIfAny();
        this.status = BreachStatus.NOTIFIED;
        this.notifiedAt = at;
        this.authorityReference = reference.trim();
        this.delayReason = reasonsForDelay == null || reasonsForDelay.isBlank() ? null : reasonsForDelay.trim();
        changed(now);
        rearm();
    }

    /** Decides not to notify the authority: the breach is unlikely to result in a risk (Art. 33(1)), and why. */
    public void decideNotToNotify(String reason, Instant now) {
        new RuleCheck().requireText(reason, "reason", 10, 2000).throwIfAny();
        this.status = BreachStatus.NOT_NOTIFIED;
        this.noNotificationReason = reason.trim();
        changed(now);
        rearm();
    }

    /** Art. 34: whether the subjects are told, and why (a later decision replaces an earlier one). */
    public void decideSubjects(SubjectsDecision decision, String reason, String by, Instant now) {
        new RuleCheck().require(decision != null, "notifySubjects", "is required: true or false")
                .requireText(reason, "reason", 10, 2000).throwIfAny();
        this.subjectsDecision = decision;
        this.subjectsReason = reason.trim();
        this.subjectsDecidedBy = by;
        this.subjectsDecidedAt = now;
        changed(now);
    }

    /** Marks what is due at {@code now} (the deadline marks the warning too) and arms the next alarm. */
    public Due fire(Instant now) {
        if (!isOpen() || alarmAt == null || alarmAt.isAfter(now)) {
            return Due.NOTHING;
        }
        Due what;
        if (!now.isBefore(dueAt)) {
            what = deadlineSentAt == null ? Due.DEADLINE : Due.NOTHING;
            warningSentAt = warningSentAt == null ? now : warningSentAt;
            deadlineSentAt = deadlineSentAt == null ? now : deadlineSentAt;
        } else {
            what = warningSentAt == null ? Due.WARNING : Due.NOTHING;
            warningSentAt = warningSentAt == null ? now : warningSentAt;
        }
        rearm();
        return what;
    }

    private void rearm() {
        alarmAt = BreachClock.nextAlarm(isOpen(), warnAt, dueAt, warningSentAt, deadlineSentAt);
    }

    public List<String> categoryList() {
        return categories == null || categories.isEmpty() ? List.of() : List.of(categories.split(","));
    }

    public Long getId() {
        return id;
    }

    public String getNature() {
        return nature;
    }

    public Long getSubjectsApprox() {
        return subjectsApprox;
    }

    public Long getRecordsApprox() {
        return recordsApprox;
    }

    public String getConsequences() {
        return consequences;
    }

    public String getMeasures() {
        return measures;
    }

    public Instant getAwareAt() {
        return awareAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getWarnAt() {
        return warnAt;
    }

    public Instant getWarningSentAt() {
        return warningSentAt;
    }

    public Instant getDeadlineSentAt() {
        return deadlineSentAt;
    }

    public Instant getAlarmAt() {
        return alarmAt;
    }

    public BreachStatus getStatus() {
        return status;
    }

    public Instant getNotifiedAt() {
        return notifiedAt;
    }

    public String getAuthorityReference() {
        return authorityReference;
    }

    public String getDelayReason() {
        return delayReason;
    }

    public String getNoNotificationReason() {
        return noNotificationReason;
    }

    public SubjectsDecision getSubjectsDecision() {
        return subjectsDecision;
    }

    public String getSubjectsReason() {
        return subjectsReason;
    }

    public String getSubjectsDecidedBy() {
        return subjectsDecidedBy;
    }

    public Instant getSubjectsDecidedAt() {
        return subjectsDecidedAt;
    }

    public String getScopeActor() {
        return scopeActor;
    }

    public Instant getScopeFrom() {
        return scopeFrom;
    }

    public Instant getScopeTo() {
        return scopeTo;
    }

    public Long getScopeSubjects() {
        return scopeSubjects;
    }

    public Long getScopeRecords() {
        return scopeRecords;
    }

    public boolean isScopeTruncated() {
        return scopeTruncated;
    }

    public List<BreachSubject> getSubjects() {
        return subjects;
    }

    public Long getAlertId() {
        return alertId;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
