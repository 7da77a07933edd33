package org.custodian.domain.model.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;

/**
 * An access review campaign: whose access it covers (everyone, a region, a role or both), who reviews, until when,
 * and what becomes of what nobody decided. Its items are {@link AccessReviewItem}s.
 */
@Entity
@Table(name = "access_review")
@NamedQuery(name = "AccessReview.findAll", query = "SELECT r FROM AccessReview r ORDER BY r.id DESC")
@NamedQuery(name = "AccessReview.findOpen",
        query = "SELECT r FROM AccessReview r WHERE r.state = :state ORDER BY r.deadline, r.id")
public class AccessReview {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "access_review_seq")
    @SequenceGenerator(name = "access_review_seq", sequenceName = "access_review_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 200)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "scope_region", length = 8)
    private Region scopeRegion;

    @Enumerated(EnumType.STRING)
    @Column(name = "scope_role", length = 32)
    private Role scopeRole;

    @Column(name = "named_reviewer", length = 64)
    private String namedReviewer;

    @Column(nullable = false)
    private Instant deadline;

    @Enumerated(EnumType.STRING)
    @Column(name = "deadline_policy", nullable = false, length = 16)
    private DeadlinePolicy deadlinePolicy;

    @Column(nullable = false, length = 16)
    private String state;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Opened by the quarterly schedule rather than by a person. */
    @Column(nullable = false)
    private boolean scheduled;

    @Column(name = "last_reminder_at")
    private Instant lastReminderAt;

    @Column(name = "deadline_handled_at")
    private Instant deadlineHandledAt;

    @Column(name = "closed_by", length = 64)
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** "sha256:" and the hex digest of the canonical record at close (also in the outcome's audit event). */
    @Column(name = "outcome_digest", length = 80)
    private String outcomeDigest;

    protected AccessReview() {
        // for JPA
    }

    public AccessReview(String title, Region scopeRegion, Role scopeRole, String namedReviewer, Instant deadline,
            DeadlinePolicy deadlinePolicy, String createdBy, boolean scheduled, Instant now) {
        this.title = title;
        this.scopeRegion = scopeRegion;
        this.scopeRole = scopeRole;
        this.namedReviewer = namedReviewer;
        this.deadline = deadline;
        this.deadlinePolicy = deadlinePolicy;
        this.state = OPEN;
        this.createdBy = createdBy;
        this.scheduled = scheduled;
        this.createdAt = now;
    }

    public boolean isOpen() {
        return OPEN.equals(state);
    }

    public void reminded(Instant now) {
        lastReminderAt = now;
    }

    public void deadlineHandled(Instant now) {
        deadlineHandledAt = now;
    }

    public void close(String actor, String digest, Instant now) {
        state = CLOSED;
        closedBy = actor;
        closedAt = now;
        outcomeDigest = digest;
    }

    /** The scope as text: "all users", "region EU", "role AGENT", "region EU, role AGENT". */
    public String scopeText() {
        if (scopeRegion == null && scopeRole == null) {
            return "all users";
        }
        return (scopeRegion == null ? "" : "region " + scopeRegion)
                + (scopeRegion != null && scopeRole != null ? ", " : "")
                + (scopeRole == null ? "" : "role " + scopeRole);
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Region getScopeRegion() {
        return scopeRegion;
    }

    public Role getScopeRole() {
        return scopeRole;
    }

    public String getNamedReviewer() {
        return namedReviewer;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public DeadlinePolicy getDeadlinePolicy() {
        return deadlinePolicy;
    }

    public String getState() {
        return state;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isScheduled() {
        return scheduled;
    }

    public Instant getLastReminderAt() {
        return lastReminderAt;
    }

    public Instant getDeadlineHandledAt() {
        return deadlineHandledAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getOutcomeDigest() {
        return outcomeDigest;
    }
}
