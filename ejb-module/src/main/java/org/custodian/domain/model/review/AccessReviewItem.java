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
import org.custodian.domain.model.policy.FieldMasks;
import org.custodian.domain.shared.DomainRuleViolationException;

/** One piece of one user's access in a campaign, as it was when the campaign opened, and its decision. */
@Entity
@Table(name = "access_review_item")
@NamedQuery(name = "AccessReviewItem.findByReview",
        query = "SELECT i FROM AccessReviewItem i WHERE i.reviewId = :review ORDER BY i.id")
public class AccessReviewItem {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "access_review_item_seq")
    @SequenceGenerator(name = "access_review_item_seq", sequenceName = "access_review_item_seq", allocationSize = 50)
    private Long id;

    @Column(name = "review_id", nullable = false)
    private Long reviewId;

    @Column(nullable = false, length = 64)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ItemKind kind;

    @Column(nullable = false, length = 64)
    private String subject;

    @Column(nullable = false, length = 1000)
    private String detail;

    @Column(length = 64)
    private String reviewer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ItemState state;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(length = 1000)
    private String reason;

    protected AccessReviewItem() {
        // for JPA
    }

    public AccessReviewItem(long reviewId, String username, ItemKind kind, String subject, String detail,
            String reviewer) {
        this.reviewId = reviewId;
        this.username = username;
        this.kind = kind;
        this.subject = subject;
        this.detail = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        this.reviewer = reviewer;
        this.state = ItemState.PENDING;
    }

    /** Records a reviewer's (or the deadline's) decision; only an open item can be decided, once. */
    public void decide(boolean keep, String actor, String why, Instant now) {
        if (!state.isOpen()) {
            throw new DomainRuleViolationException("decision", "item " + id + " was already decided: " + state
                    + (decidedBy == null ? "" : " by " + decidedBy));
        }
        state = keep ? ItemState.KEPT : ItemState.REVOKED;
        decidedBy = actor;
        decidedAt = now;
        // reasons are read by auditors: detected personal data and secrets are masked
        reason = why == null ? null : FieldMasks.maskDetected(why.trim());
    }

    public void escalate() {
        if (state == ItemState.PENDING) {
            state = ItemState.ESCALATED;
        }
    }

    /** At close: what nobody decided stays as it is and is marked so. */
    public void closeUndecided() {
        if (state.isOpen()) {
            state = ItemState.UNREVIEWED;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getReviewId() {
        return reviewId;
    }

    public String getUsername() {
        return username;
    }

    public ItemKind getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public String getDetail() {
        return detail;
    }

    public String getReviewer() {
        return reviewer;
    }

    public ItemState getState() {
        return state;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getReason() {
        return reason;
    }
}
