package org.custodian.application.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.domain.model.review.AccessReview;
import org.custodian.domain.model.review.AccessReviewItem;

/** What the access review API takes and returns. */
public final class ReviewViews {

    private ReviewViews() {
    }

    /** A campaign to open; every field optional except the deadline. */
    public record NewReview(String title, String region, String role, String deadline, String reviewer,
            String policy) {
    }

    public record Decision(String decision, String reason) {
    }

    public record ReviewView(long id, String title, String scope, String region, String role, String reviewer,
            Instant deadline, String policy, String state, String createdBy, Instant createdAt, boolean scheduled,
            Instant deadlineHandledAt, String closedBy, Instant closedAt, String outcomeDigest,
            Map<String, Long> items) implements java.io.Serializable {

        static ReviewView of(AccessReview review, Map<String, Long> counts) {
            return new ReviewView(review.getId(), review.getTitle(), review.scopeText(),
                    review.getScopeRegion() == null ? null : review.getScopeRegion().name(),
                    review.getScopeRole() == null ? null : review.getScopeRole().name(), review.getNamedReviewer(),
                    review.getDeadline(), review.getDeadlinePolicy().name().toLowerCase(java.util.Locale.ROOT),
                    review.getState(), review.getCreatedBy(), review.getCreatedAt(), review.isScheduled(),
                    review.getDeadlineHandledAt(), review.getClosedBy(), review.getClosedAt(),
                    review.getOutcomeDigest(), counts);
        }
    }

    public record ItemView(long id, String username, String kind, String subject, String detail, String reviewer,
            String state, String decidedBy, Instant decidedAt, String reason) implements java.io.Serializable {

        static ItemView of(AccessReviewItem item) {
            return new ItemView(item.getId(), item.getUsername(), item.getKind().name(), item.getSubject(),
                    item.getDetail(), item.getReviewer(), item.getState().name(), item.getDecidedBy(),
                    item.getDecidedAt(), item.getReason());
        }
    }

    /** A campaign with its items (a reviewer without read permission sees only the items assigned to them). */
    public record ReviewDetail(ReviewView review, List<ItemView> items) implements java.io.Serializable {
    }

    public record DormantAccount(String username, String displayName, Set<String> roles, Set<String> regions,
            String reason, Instant createdAt, Instant lastSignIn, Instant lastGrantEnded)
                    implements java.io.Serializable {
    }

    public record DormantReport(int days, Instant cutoff, Instant generatedAt, String signInSource,
            List<DormantAccount> accounts) implements java.io.Serializable {
    }
}
