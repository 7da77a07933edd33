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
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.RuleCheck;

/**
 * A data subject request and where it stands. The answer is due a month after receipt (30 days here); it can be
 * extended once, by two further months (60 days), with a reason (Art. 12(3) GDPR). Identity is verified before any
 * work starts; an erasure that a legal hold covers waits as BLOCKED_BY_HOLD, naming the hold. A step the current
 * status does not allow is refused (422), saying which statuses would allow it.
 */
@Entity
@Table(name = "privacy_request")
@NamedQuery(name = "PrivacyRequest.findAll", query = "SELECT r FROM PrivacyRequest r ORDER BY r.dueAt, r.id")
@NamedQuery(name = "PrivacyRequest.findOpenDueBefore", query = "SELECT r FROM PrivacyRequest r WHERE r.status NOT IN"
        + " (org.custodian.domain.model.privacy.PrivacyRequestStatus.COMPLETED,"
        + " org.custodian.domain.model.privacy.PrivacyRequestStatus.REJECTED) AND r.dueAt < :before"
        + " ORDER BY r.dueAt, r.id")
public class PrivacyRequest {

    public static final Duration ANSWER_WITHIN = Duration.ofDays(30);
    public static final Duration EXTENSION = Duration.ofDays(60);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "privacy_request_seq")
    @SequenceGenerator(name = "privacy_request_seq", sequenceName = "privacy_request_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "request_type", nullable = false, length = 16)
    private PrivacyRequestType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PrivacyRequestStatus status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "privacy_request_subject", joinColumns = @JoinColumn(name = "request_id"))
    @Column(name = "customer_id")
    private Set<Long> subjectCustomerIds = new TreeSet<>();

    @Column(name = "subject_email", length = 254)
    private String subjectEmail;

    @Column(name = "subject_phone", length = 32)
    private String subjectPhone;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "extension_reason", length = 1000)
    private String extensionReason;

    @Column(name = "identity_method", length = 500)
    private String identityMethod;

    @Column(name = "verified_by", length = 64)
    private String verifiedBy;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(length = 64)
    private String assignee;

    @Column(name = "blocking_hold_id")
    private Long blockingHoldId;

    @Column(length = 2000)
    private String outcome;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Lineage (#24): the ticket, and the mail on it, the request was made from (null: registered directly). */
    @Column(name = "source_ticket_id")
    private Long sourceTicketId;

    @Column(name = "source_mail_id")
    private Long sourceMailId;

    /** OBJECTION (#25): the consent purposes objected to, comma-separated names (null: none named yet). */
    @Column(length = 200)
    private String purposes;

    @Version
    private long version;

    protected PrivacyRequest() {
    }

    public PrivacyRequest(PrivacyRequestType type, Set<Long> subjectCustomerIds, String subjectEmail,
            String subjectPhone, Instant receivedAt, String assignee, String createdBy, Instant now) {
        RuleCheck check = new RuleCheck();
        check.require(type != null, "type", "must be one of ACCESS, PORTABILITY, RECTIFICATION, ERASURE, RESTRICTION,"
                + " OBJECTION");
        check.require(!subjectCustomerIds.isEmpty() || subjectEmail != null || subjectPhone != null, "subject",
                "give customerId, email or phone to find the subject by");
        check.require(receivedAt == null || !receivedAt.isAfter(now), "receivedAt", "must not be in the future");
        check.require(assignee == null || assignee.length() <= 64, "assignee", "at most 64 characters");
        check.throwIfAny();
        this.type = type;
        this.status = PrivacyRequestStatus.RECEIVED;
        this.subjectCustomerIds = new TreeSet<>(subjectCustomerIds);
        this.subjectEmail = subjectEmail;
        this.subjectPhone = subjectPhone;
        this.receivedAt = receivedAt == null ? now : receivedAt;
        this.dueAt = this.receivedAt.plus(ANSWER_WITHIN);
        this.assignee = assignee;
        this.createdBy = createdBy;
        this.updatedAt = now;
    }

    /** Where the request came from: the ticket an agent made it from, and the mail on it that asked. */
    public void cameFrom(Long ticketId, Long mailId) {
        this.sourceTicketId = ticketId;
        this.sourceMailId = mailId;
    }

    public Long getSourceTicketId() {
        return sourceTicketId;
    }

    public Long getSourceMailId() {
        return sourceMailId;
    }

    /**
     * The purposes an OBJECTION names (Art. 21); refused (422) for any other type, when empty, or once the request is
     * final. Named at registration or when it is carried out (a request made from a ticket names none).
     */
    public void objectTo(Set<ConsentPurpose> named, Instant now) {
        RuleCheck check = new RuleCheck();
        check.require(type == PrivacyRequestType.OBJECTION, "purposes", "only an OBJECTION request names purposes;"
                + " this one is " + type);
        check.require(named != null && !named.isEmpty(), "purposes", "name at least one purpose the subject objects"
                + " to: " + Arrays.toString(ConsentPurpose.values()));
        check.throwIfAny();
        requireOpen("name the purposes of");
        purposes = String.join(",", new TreeSet<>(named.stream().map(Enum::name).toList()));
        updatedAt = now;
    }

    /** The purposes objected to, in name order (empty: none named). */
    public Set<ConsentPurpose> getPurposes() {
        Set<ConsentPurpose> named = new TreeSet<>();
        if (purposes != null && !purposes.isBlank()) {
            for (String name : purposes.split(",")) {
                named.add(ConsentPurpose.valueOf(name.trim()));
            }
        }
        return named;
    }

    /** The subject proved who they are; how is recorded (never the document itself). */
    public void verifyIdentity(String method, String actor, Instant now) {
        requireStatus("verify the identity", PrivacyRequestStatus.RECEIVED);
        RuleCheck check = new RuleCheck();
        check.require(method != null && !method.isBlank() && method.length() <= 500, "method",
                "say how the identity was verified (at most 500 characters)");
        check.throwIfAny();
        identityMethod = method.trim();
        verifiedBy = actor;
        verifiedAt = now;
        moveTo(PrivacyRequestStatus.VERIFIED, now);
    }

    /** Work starts, unless a legal hold covers what an erasure would remove ({@code blockingHold} not null). */
    public void start(Long blockingHold, Instant now) {
        requireStatus("start", PrivacyRequestStatus.VERIFIED, PrivacyRequestStatus.BLOCKED_BY_HOLD);
        blockingHoldId = blockingHold;
        moveTo(blockingHold == null ? PrivacyRequestStatus.IN_PROGRESS : PrivacyRequestStatus.BLOCKED_BY_HOLD, now);
    }

    public void complete(String outcomeText, Instant now) {
        requireStatus("complete", PrivacyRequestStatus.IN_PROGRESS);
        if (type == PrivacyRequestType.ERASURE || type == PrivacyRequestType.RESTRICTION
                || type == PrivacyRequestType.OBJECTION) {
            String step = switch (type) {
                case ERASURE -> "erase";
                case RESTRICTION -> "restrict";
                default -> "object";
            };
            throw new DomainRuleViolationException("type", "request " + id + " is " + type + ": it is completed by"
                    + " carrying it out (POST /api/v1/privacy/requests/" + id + "/" + step + "), which records what"
                    + " was done");
        }
        outcome = requireText(outcomeText, "outcome", "say what was done", 2000);
        moveTo(PrivacyRequestStatus.COMPLETED, now);
    }

    /** Whether this request may be carried out as {@code expected} now; refused (422) otherwise, saying why. */
    public void requireCarriedOutAs(PrivacyRequestType expected) {
        if (type != expected) {
            throw new DomainRuleViolationException("type", "request " + id + " is " + type + ", not " + expected);
        }
        requireStatus("carry out", PrivacyRequestStatus.IN_PROGRESS);
    }

    /** The request was carried out as {@code expected}; {@code outcomeText} says what was done. */
    public void carriedOut(PrivacyRequestType expected, String outcomeText, Instant now) {
        requireCarriedOutAs(expected);
        outcome = outcomeText;
        moveTo(PrivacyRequestStatus.COMPLETED, now);
    }

    /** Records of the subject found since the request was registered (the same person stored again). */
    public void addSubjects(Collection<Long> customerIds) {
        subjectCustomerIds.addAll(customerIds);
    }

    /** A legal hold placed since the work started covers the subject: the erasure waits for its release. */
    public void blockedBy(long hold, Instant now) {
        requireCarriedOutAs(PrivacyRequestType.ERASURE);
        blockingHoldId = hold;
        moveTo(PrivacyRequestStatus.BLOCKED_BY_HOLD, now);
    }

    public void reject(String reason, Instant now) {
        requireOpen("reject");
        outcome = requireText(reason, "reason", "say why (e.g. identity not verified, manifestly unfounded)", 2000);
        moveTo(PrivacyRequestStatus.REJECTED, now);
    }

    /** Once, by 60 days, with a reason the subject is told. */
    public void extend(String reason, Instant now) {
        requireOpen("extend");
        if (extensionReason != null) {
            throw new DomainRuleViolationException("reason", "request " + id + " was already extended ("
                    + extensionReason + "); the law allows one extension");
        }
        extensionReason = requireText(reason, "reason", "say why more time is needed", 1000);
        dueAt = dueAt.plus(EXTENSION);
        updatedAt = now;
    }

    public void assign(String user, Instant now) {
        requireOpen("assign");
        assignee = requireText(user, "assignee", "name the privacy officer who handles it", 64);
        updatedAt = now;
    }

    public boolean isOverdue(Instant now) {
        return !status.isFinal() && dueAt.isBefore(now);
    }

    private void requireStatus(String what, PrivacyRequestStatus... allowed) {
        for (PrivacyRequestStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new DomainRuleViolationException("status", "cannot " + what + " request " + id + " while it is "
                + status + " (only from " + Arrays.toString(allowed) + ")");
    }

    private void requireOpen(String what) {
        if (status.isFinal()) {
            throw new DomainRuleViolationException("status", "cannot " + what + " request " + id
                    + ": it is already " + status);
        }
    }

    private static String requireText(String text, String field, String hint, int max) {
        RuleCheck check = new RuleCheck();
        check.require(text != null && !text.isBlank() && text.trim().length() <= max, field, hint
                + " (at most " + max + " characters)");
        check.throwIfAny();
        return text.trim();
    }

    private void moveTo(PrivacyRequestStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public PrivacyRequestType getType() {
        return type;
    }

    public PrivacyRequestStatus getStatus() {
        return status;
    }

    public Set<Long> getSubjectCustomerIds() {
        return Set.copyOf(subjectCustomerIds);
    }

    public String getSubjectEmail() {
        return subjectEmail;
    }

    public String getSubjectPhone() {
        return subjectPhone;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public String getExtensionReason() {
        return extensionReason;
    }

    public String getIdentityMethod() {
        return identityMethod;
    }

    public String getVerifiedBy() {
        return verifiedBy;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public String getAssignee() {
        return assignee;
    }

    public Long getBlockingHoldId() {
        return blockingHoldId;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
