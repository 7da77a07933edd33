package org.custodian.domain.model.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.pii.PiiType;
import org.custodian.domain.model.pii.RedactedTypes;
import org.custodian.domain.model.policy.FieldMasks;
import org.custodian.domain.model.team.Team;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.RuleCheck;

/** A support case about one customer, kept in that customer's residency region. */
@Entity
@Table(name = "ticket")
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_seq")
    @SequenceGenerator(name = "ticket_seq", sequenceName = "ticket_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = TicketDetails.SUBJECT_MAX)
    private String subject;

    @Column(nullable = false, length = TicketDetails.DESCRIPTION_MAX)
    private String description;

    /** The subject with detected PII spans masked: what MASKED callers see and search. */
    @Column(name = "subject_masked", length = 2 * TicketDetails.SUBJECT_MAX)
    private String subjectMasked;

    @Column(name = "description_masked", length = 2 * TicketDetails.DESCRIPTION_MAX)
    private String descriptionMasked;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private TicketStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TicketPriority priority;

    @Column(nullable = false, length = 40)
    private String category;

    @Column(name = "product_sku", length = 20)
    private String productSku;

    @Column(name = "site_code", length = 6)
    private String siteCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Region region;

    @Column(length = 64)
    private String assignee;

    /** The team the ticket is routed to (#23), with or without a person of it; null for none. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assigned_team_id")
    private Team team;

    /** The same column as a number, read-only: what queue filters compare (no join with the team table). */
    @Column(name = "assigned_team_id", insertable = false, updatable = false)
    private Long teamId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id", nullable = false)
    private Customer customer;

    /** The same column as a number, read-only: who the ticket is about without loading the customer (#27). */
    @Column(name = "customer_id", insertable = false, updatable = false)
    private Long customerId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "anonymized_at")
    private Instant anonymizedAt;

    /** #25: the earliest due time of its running SLA clocks, kept by the SLA clocks; read-only here, for sorting. */
    @Column(name = "sla_due_at", insertable = false, updatable = false)
    private Instant slaDueAt;

    /** #27: monitoring events counted on it (a ticket_occurrence row exists); set with that row, read-only here. */
    @Column(name = "has_occurrences", insertable = false, updatable = false)
    private boolean hasOccurrences;

    /** What was removed from subject or description when they were written ({@link RedactedTypes}); null if none. */
    @Column(name = "redacted_types", length = RedactedTypes.COLUMN_LENGTH)
    private String redactedTypes;

    @Version
    private long version;

    protected Ticket() {
        // for JPA
    }

    public Ticket(TicketDetails details, Customer customer, Region region, Instant now) {
        RuleCheck check = new RuleCheck();
        details.check(check);
        check.require(customer != null, "customerId", "must name an existing customer")
                .require(region != null, "region", "is required; one of " + Region.allowedValues());
        if (customer != null && region != null) {
            // a ticket holds the customer's personal data, which stays in the customer's residency region
            check.require(region == customer.getRegion(), "region",
                    "must be the customer's region (" + customer.getRegion() + ")");
        }
        check.throwIfAny();
        apply(details);
        this.customer = customer;
        this.customerId = customer.getId();
        this.region = region;
        this.status = TicketStatus.OPEN;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * A new ticket written by a batch insert beside the persistence context (an import's chunk, #24) takes an id
     * reserved from its sequence ({@link TicketBatchRepository#newIds}); a ticket that has one keeps it.
     */
    public void identifyAs(long reservedId) {
        if (id != null) {
            throw new IllegalStateException("ticket " + id + " already has its id");
        }
        id = reservedId;
    }

    /**
     * Replaces the descriptive fields and moves the ticket to {@code newStatus}. Everything is
     * checked before anything changes.
     *
     * @param requestedResolvedAt a resolution time supplied by the caller, or null for "now" when
     *                            the ticket becomes resolved
     * @return the names of the fields that actually changed
     */
    public Set<String> revise(TicketDetails details, TicketStatus newStatus, Instant requestedResolvedAt, Instant now) {
        refuseIfAnonymized();
        if (status == TicketStatus.CLOSED) {
            throw new DomainRuleViolationException("status",
                    "the ticket is CLOSED and can no longer change; reopen it with a reason (within the reopen"
                            + " window) or open a follow-up ticket");
        }
        TicketStatus target = newStatus == null ? status : newStatus;
        RuleCheck check = new RuleCheck();
        details.check(check);
        if (status.isResolved() && target == TicketStatus.IN_PROGRESS) {
            // a reopen is its own transition: it needs a reason and is allowed only within the window
            check.require(false, "status", "a RESOLVED ticket is reopened with a reason (reopen), not by a status"
                    + " change");
        } else {
            check.require(status.canMoveTo(target), "status",
                    "cannot change from " + status + " to " + target + "; allowed next: " + status.allowedNext());
        }
        Instant targetResolvedAt = resolvedAt;
        if (target.isResolved()) {
            if (requestedResolvedAt != null) {
                targetResolvedAt = requestedResolvedAt;
            } else if (!status.isResolved()) {
                targetResolvedAt = now;
            }
        } else {
            check.require(requestedResolvedAt == null, "resolvedAt",
                    "can only be set when the status is RESOLVED or CLOSED");
            targetResolvedAt = null;
        }
        if (targetResolvedAt != null) {
            check.require(!targetResolvedAt.isAfter(now), "resolvedAt", "must not be in the future");
            check.require(!targetResolvedAt.isBefore(createdAt), "resolvedAt",
                    "must not be before the ticket was created (" + createdAt + ")");
        }
        check.throwIfAny();

        Set<String> changed = new LinkedHashSet<>();
        diff(changed, "subject", subject, details.subject().trim());
        diff(changed, "description", description, details.description());
        diff(changed, "priority", priority, details.priority());
        diff(changed, "category", category, details.category());
        diff(changed, "productSku", productSku, details.productSku());
        diff(changed, "siteCode", siteCode, details.siteCode());
        diff(changed, "assignee", assignee, details.assignee());
        diff(changed, "status", status, target);
        diff(changed, "resolvedAt", resolvedAt, targetResolvedAt);
        if (changed.isEmpty()) {
            return changed;
        }
        apply(details);
        this.status = target;
        this.resolvedAt = targetResolvedAt;
        this.updatedAt = now;
        return changed;
    }

    /**
     * Routes the ticket to {@code newTeam} (null: to no team); the caller checked that the team may work it and
     * changed the person with {@link #revise} if they are not in it. True if the team changed.
     */
    public boolean routeTo(Team newTeam, Instant now) {
        String before = team == null ? null : team.getKey();
        String after = newTeam == null ? null : newTeam.getKey();
        if (Objects.equals(before, after)) {
            return false; // no change: a ticket just closed by the same revision keeps its team
        }
        refuseIfAnonymized();
        if (status == TicketStatus.CLOSED) {
            throw new DomainRuleViolationException("team", "the ticket is CLOSED and can no longer change; reopen it"
                    + " with a reason (within the reopen window) or open a follow-up ticket");
        }
        team = newTeam;
        teamId = newTeam == null ? null : newTeam.getId();
        updatedAt = now;
        return true;
    }

    /** A comment counts as activity; a closed ticket takes no more comments. */
    public void recordActivity(Instant now) {
        refuseIfAnonymized();
        if (status == TicketStatus.CLOSED) {
            throw new DomainRuleViolationException("ticketId",
                    "ticket is CLOSED and takes no more comments; open a follow-up ticket");
        }
        this.updatedAt = now;
    }

    /**
     * Reopen: a RESOLVED or CLOSED ticket goes back to IN_PROGRESS if it was resolved less than {@code window} ago;
     * later the customer's new request is a follow-up ticket (closed statistics hold).
     */
    public void reopen(Duration window, Instant now) {
        refuseIfAnonymized();
        if (!status.isResolved()) {
            throw new DomainRuleViolationException("status", "only a RESOLVED or CLOSED ticket can be reopened; this"
                    + " one is " + status);
        }
        Instant until = reopenableUntil(window);
        if (until == null || !now.isBefore(until)) {
            throw new DomainRuleViolationException("status", "the reopen window ended at " + until
                    + "; open a follow-up ticket instead");
        }
        status = TicketStatus.IN_PROGRESS;
        resolvedAt = null;
        updatedAt = now;
    }

    /** Until when a reopen is allowed (resolution time plus window), null when the ticket is not resolved. */
    public Instant reopenableUntil(Duration window) {
        return status.isResolved() && resolvedAt != null ? resolvedAt.plus(window) : null;
    }

    /**
     * The customer answered (a PUBLIC comment through EMAIL, PHONE or CHAT): a ticket WAITING_ON_CUSTOMER goes
     * back to IN_PROGRESS. Returns whether the status changed.
     */
    public boolean customerAnswered(Instant now) {
        if (status != TicketStatus.WAITING_ON_CUSTOMER) {
            return false;
        }
        status = TicketStatus.IN_PROGRESS;
        updatedAt = now;
        return true;
    }

    /** Merge: this duplicate is closed (from any status); its pointer to the survivor is a DUPLICATE link. */
    public void closeAsDuplicate(Instant now) {
        refuseIfAnonymized();
        if (status == TicketStatus.CLOSED) {
            throw new DomainRuleViolationException("duplicateId", "the duplicate is already CLOSED");
        }
        if (resolvedAt == null) {
            resolvedAt = now.isBefore(createdAt) ? createdAt : now;
        }
        status = TicketStatus.CLOSED;
        updatedAt = now;
    }

    /** Marks the text of an anonymized ticket; statistics (status, category, priority, region, times) stay. */
    public static final String ANONYMIZED = "[anonymized]";

    /**
     * Retention: replaces the personal text (subject, description and their masked copies, the assignee's
     * free text stays as it names staff) and marks the ticket; comments are anonymized by the repository.
     */
    public void anonymize(Instant now) {
        if (anonymizedAt != null) {
            return;
        }
        subject = ANONYMIZED;
        description = ANONYMIZED;
        subjectMasked = ANONYMIZED;
        descriptionMasked = ANONYMIZED;
        redactedTypes = null;
        anonymizedAt = now;
    }

    /** Writing into an anonymized ticket would bring personal data back into a record retention has purged. */
    private void refuseIfAnonymized() {
        if (anonymizedAt != null) {
            throw new DomainRuleViolationException("ticketId", "the ticket was anonymized by retention on "
                    + anonymizedAt + " and can no longer change; open a new ticket");
        }
    }

    /**
     * A later scan found what the ingest rules remove (card numbers, secrets) in the stored subject or description:
     * the redacted text replaces it, as if it had been redacted when written. No activity: nobody worked the ticket.
     */
    public void redactStored(String redactedSubject, String redactedDescription, Collection<PiiType> types) {
        refuseIfAnonymized();
        this.subject = redactedSubject;
        this.description = redactedDescription;
        this.subjectMasked = FieldMasks.maskDetected(subject);
        this.descriptionMasked = FieldMasks.maskDetected(description);
        noteRedacted(types);
    }

    /** Subject or description were stored with these kinds of data removed: the page and the JSON say so. */
    public void noteRedacted(Collection<PiiType> types) {
        redactedTypes = RedactedTypes.union(redactedTypes, types);
    }

    /** The type names ever removed from subject or description when written, empty when none. */
    public List<String> getRedactedTypes() {
        return RedactedTypes.names(redactedTypes);
    }

    public boolean isAnonymized() {
        return anonymizedAt != null;
    }

    /** Whether monitoring events are counted on it, so that a read asks for its occurrences only then. */
    public boolean hasOccurrences() {
        return hasOccurrences;
    }

    public Instant getAnonymizedAt() {
        return anonymizedAt;
    }

    public TicketDetails details() {
        return new TicketDetails(subject, description, priority, category, productSku, siteCode, assignee);
    }

    private void apply(TicketDetails details) {
        this.subject = details.subject().trim();
        this.description = details.description();
        this.subjectMasked = FieldMasks.maskDetected(subject);
        this.descriptionMasked = FieldMasks.maskDetected(description);
        this.priority = details.priority();
        this.category = details.category();
        this.productSku = details.productSku();
        this.siteCode = details.siteCode();
        this.assignee = details.assignee();
    }

    private static void diff(Set<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    public Long getId() {
        return id;
    }

    public String getSubject() {
        return subject;
    }

    public String getDescription() {
        return description;
    }

    public String getSubjectMasked() {
        return subjectMasked;
    }

    public String getDescriptionMasked() {
        return descriptionMasked;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public TicketPriority getPriority() {
        return priority;
    }

    public String getCategory() {
        return category;
    }

    public String getProductSku() {
        return productSku;
    }

    public String getSiteCode() {
        return siteCode;
    }

    public Region getRegion() {
        return region;
    }

    public String getAssignee() {
        return assignee;
    }

    /** The team the ticket is routed to, or null. */
    public Team getTeam() {
        return team;
    }

    public Customer getCustomer() {
        return customer;
    }

    /** The customer's id, read from the ticket's own row: reads and lists need no query of the customer. */
    public Long getCustomerId() {
        return customerId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public long getVersion() {
        return version;
    }
}
