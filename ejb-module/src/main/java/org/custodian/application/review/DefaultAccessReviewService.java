package org.custodian.application.review;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custodian.application.audit.AuditService;
import org.custodian.application.audit.FieldDigest;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.review.ReviewViews.Decision;
import org.custodian.application.review.ReviewViews.ItemView;
import org.custodian.application.review.ReviewViews.NewReview;
import org.custodian.application.review.ReviewViews.ReviewDetail;
import org.custodian.application.review.ReviewViews.ReviewView;
import org.custodian.application.shared.AccessDeniedException;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.Inputs;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.review.AccessReview;
import org.custodian.domain.model.review.AccessReviewItem;
import org.custodian.domain.model.review.AccessReviewRepository;
import org.custodian.domain.model.review.DeadlinePolicy;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.model.user.UserRepository;
import org.custodian.domain.shared.RuleCheck;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Stateless
public class DefaultAccessReviewService implements AccessReviewService {

    static final Duration MAX_LEAD = Duration.ofDays(366);

    @EJB
    PolicyService policy;

    @EJB
    AuditService audit;

    @Inject
    FieldDigest digest;

    @Inject
    ReviewCampaigns campaigns;

    @Inject
    AccessReviewRepository reviews;

    @Inject
    UserRepository users;

    /** revoke or escalate: what the deadline does when a campaign does not say. */
    @Inject
    @ConfigProperty(name = "custodian.access-review.policy", defaultValue = "revoke")
    String defaultPolicy;

    private final Clock clock = Clock.systemUTC();

    @Override
    public ReviewDetail open(Caller caller, NewReview input) {
        policy.enforce(caller, Permission.ACCESS_REVIEW_MANAGE, AccessReviewActions.ACCESS_REVIEW, null);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        RuleCheck check = new RuleCheck().optionalText(input.title(), "title", 200);
        Region region = Inputs.enumValue(Region.class, input.region(), "region", false, check);
        Role role = Inputs.enumValue(Role.class, input.role(), "role", false, check);
        Instant deadline = deadline(input.deadline(), now, check);
        DeadlinePolicy deadlinePolicy = input.policy() == null || input.policy().isBlank()
                ? DeadlinePolicy.parse(defaultPolicy) : DeadlinePolicy.parse(input.policy());
        check.require(deadlinePolicy != null, "policy", "must be revoke or escalate");
        String reviewer = Inputs.blankToNull(input.reviewer());
        if (reviewer != null) {
            check.require(users.findTokenState(reviewer.trim()).map(state -> state.enabled()).orElse(false),
                    "reviewer", "must name an enabled user: " + reviewer.trim() + " is not one");
            reviewer = reviewer.trim();
        }
        check.throwIfAny();
        String title = Inputs.blankToNull(input.title());
        AccessReview review = new AccessReview(title == null ? "Access review" : title.trim(), region, role,
                reviewer, deadline, deadlinePolicy, caller.username(), false, now);
        List<AccessReviewItem> items = campaigns.snapshot(review, caller.username(), now);
        audit.record(caller, AccessReviewActions.CREATE, AccessReviewActions.ACCESS_REVIEW,
                String.valueOf(review.getId()), List.of("scope=" + review.scopeText(), "deadline=" + deadline,
                        "policy=" + deadlinePolicy, "reviewer=" + (reviewer == null ? "supervisor rule" : reviewer),
                        "items=" + items.size()), AuditOutcome.SUCCESS);
        return detail(review, items);
    }

    private static Instant deadline(String text, Instant now, RuleCheck check) {
        if (text == null || text.isBlank()) {
            check.require(false, "deadline", "is required: an ISO-8601 UTC time, e.g. "
                    + now.plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.SECONDS));
            return null;
        }
        try {
            Instant deadline = Instant.parse(text.trim()).truncatedTo(ChronoUnit.MICROS);
            check.require(deadline.isAfter(now), "deadline", "must be in the future")
                    .require(!deadline.isAfter(now.plus(MAX_LEAD)), "deadline",
                            "must be within " + MAX_LEAD.toDays() + " days from now");
            return deadline;
        } catch (DateTimeParseException e) {
            check.require(false, "deadline", "must be an ISO-8601 UTC time such as 2026-01-31T17:00:00Z");
            return null;
        }
    }

    @Override
    public List<ReviewView> list(Caller caller) {
        boolean all = policy.allows(caller, Permission.ACCESS_REVIEW_READ);
        List<ReviewView> views = new ArrayList<>();
        for (AccessReview review : all ? reviews.all() : reviews.reviewedBy(caller.username())) {
            List<AccessReviewItem> items = visible(caller, reviews.items(review.getId()), all);
            views.add(ReviewView.of(review, ReviewCampaigns.counts(items)));
        }
        audit.record(caller, AccessReviewActions.READ, AccessReviewActions.ACCESS_REVIEW, null,
                List.of("campaigns=" + views.size(), all ? "scope=all" : "scope=assigned"), AuditOutcome.SUCCESS);
        return views;
    }

    @Override
    public boolean isReviewer(Caller caller) {
        return reviews.reviewedBy(caller.username()).stream().anyMatch(AccessReview::isOpen);
    }

    @Override
    public ReviewDetail get(Caller caller, long id) {
        AccessReview review = reviews.find(id).orElseThrow(() -> new ResourceNotFoundException("access review", id));
        boolean all = policy.allows(caller, Permission.ACCESS_REVIEW_READ);
        List<AccessReviewItem> items = visible(caller, reviews.items(id), all);
        if (!all && items.isEmpty()) {
            // neither a reader of reviews nor a reviewer in this one: denied and audited
            policy.enforce(caller, Permission.ACCESS_REVIEW_READ, AccessReviewActions.ACCESS_REVIEW,
                    String.valueOf(id));
        }
        audit.record(caller, AccessReviewActions.READ, AccessReviewActions.ACCESS_REVIEW, String.valueOf(id),
                List.of("items=" + items.size()), AuditOutcome.SUCCESS);
        return detail(review, items);
    }

    private static List<AccessReviewItem> visible(Caller caller, List<AccessReviewItem> items, boolean all) {
        return all ? items : items.stream().filter(item -> caller.username().equals(item.getReviewer())).toList();
    }

    @Override
    public ItemView decide(Caller caller, long reviewId, long itemId, Decision input) {
        String decision = input.decision() == null ? null : input.decision().trim().toLowerCase(Locale.ROOT);
        RuleCheck check = new RuleCheck().require("keep".equals(decision) || "revoke".equals(decision), "decision",
                "must be keep or revoke");
        check.requireText(input.reason(), "reason", 3, 1000).throwIfAny();
        AccessReview review = reviews.findForUpdate(reviewId)
                .orElseThrow(() -> new ResourceNotFoundException("access review", reviewId));
        AccessReviewItem item = reviews.findItem(itemId).filter(found -> found.getReviewId() == reviewId)
                .orElseThrow(() -> new ResourceNotFoundException("access review item", itemId));
        String resource = String.valueOf(itemId);
        if (item.getUsername().equals(caller.username())) {
            audit.record(caller, AccessReviewActions.DECISION, AccessReviewActions.ACCESS_REVIEW_ITEM, resource,
                    List.of("review=" + reviewId, "why=own access"), AuditOutcome.DENIED);
            throw new AccessDeniedException("nobody reviews their own access: item " + itemId + " is "
                    + item.getUsername() + "'s");
        }
        if (!caller.username().equals(item.getReviewer())) {
            audit.record(caller, AccessReviewActions.DECISION, AccessReviewActions.ACCESS_REVIEW_ITEM, resource,
                    List.of("review=" + reviewId, "why=not the reviewer"), AuditOutcome.DENIED);
            throw new AccessDeniedException("item " + itemId + " is reviewed by "
                    + (item.getReviewer() == null ? "nobody (the deadline decides it)" : item.getReviewer()));
        }
        if (!review.isOpen()) {
            throw new ConflictException("access review " + reviewId + " was closed at " + review.getClosedAt());
        }
        if (!item.getState().isOpen()) {
            throw new ConflictException("item " + itemId + " was already decided: " + item.getState() + " by "
                    + item.getDecidedBy());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean keep = "keep".equals(decision);
        item.decide(keep, caller.username(), input.reason(), now);
        String effect = keep ? "none" : campaigns.revoke(caller, review, item, input.reason().trim());
        audit.record(caller, AccessReviewActions.DECISION, AccessReviewActions.ACCESS_REVIEW_ITEM, resource,
                List.of("review=" + reviewId, "user=" + item.getUsername(),
                        "item=" + item.getKind() + ":" + item.getSubject(), "decision=" + decision,
                        "effect=" + effect, "reason=" + digest.of("accessReview.reason", item.getReason())),
                AuditOutcome.SUCCESS);
        return ItemView.of(item);
    }

    @Override
    public ReviewView close(Caller caller, long id) {
        policy.enforce(caller, Permission.ACCESS_REVIEW_MANAGE, AccessReviewActions.ACCESS_REVIEW, String.valueOf(id));
        AccessReview review = reviews.findForUpdate(id)
                .orElseThrow(() -> new ResourceNotFoundException("access review", id));
        if (!review.isOpen()) {
            throw new ConflictException("access review " + id + " was already closed at " + review.getClosedAt()
                    + " by " + review.getClosedBy());
        }
        List<AccessReviewItem> items = reviews.items(id);
        items.forEach(AccessReviewItem::closeUndecided);
        String record = CanonicalRecord.text(review, items);
        String outcome = CanonicalRecord.digest(record);
        review.close(caller.username(), outcome, clock.instant().truncatedTo(ChronoUnit.MICROS));
        var counts = ReviewCampaigns.counts(items);
        List<String> fields = new ArrayList<>(List.of("digest=" + outcome, "format=" + CanonicalRecord.FORMAT,
                "scope=" + review.scopeText()));
        counts.forEach((state, count) -> fields.add(state.toLowerCase(Locale.ROOT) + "=" + count));
        // the outcome: chained and covered by the next signed checkpoint, so the digest vouches for every decision
        audit.record(caller, AccessReviewActions.CLOSE, AccessReviewActions.ACCESS_REVIEW, String.valueOf(id),
                fields, AuditOutcome.SUCCESS);
        return ReviewView.of(review, counts);
    }

    @Override
    public String record(Caller caller, long id) {
        policy.enforce(caller, Permission.ACCESS_REVIEW_READ, AccessReviewActions.ACCESS_REVIEW, String.valueOf(id));
        AccessReview review = reviews.find(id).orElseThrow(() -> new ResourceNotFoundException("access review", id));
        audit.record(caller, AccessReviewActions.READ, AccessReviewActions.ACCESS_REVIEW, String.valueOf(id),
                List.of("record"), AuditOutcome.SUCCESS);
        return CanonicalRecord.text(review, reviews.items(id));
    }

    private static ReviewDetail detail(AccessReview review, List<AccessReviewItem> items) {
        return new ReviewDetail(ReviewView.of(review, ReviewCampaigns.counts(items)),
                items.stream().map(ItemView::of).toList());
    }
}
