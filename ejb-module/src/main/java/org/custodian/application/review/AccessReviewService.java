package org.custodian.application.review;

import java.util.List;
import org.custodian.application.review.ReviewViews.Decision;
import org.custodian.application.review.ReviewViews.ItemView;
import org.custodian.application.review.ReviewViews.NewReview;
import org.custodian.application.review.ReviewViews.ReviewDetail;
import org.custodian.application.review.ReviewViews.ReviewView;
import org.custodian.application.shared.Caller;

public interface AccessReviewService {

    /** Opens a campaign (ACCESS_REVIEW_MANAGE) and snapshots the access it covers as items. */
    ReviewDetail open(Caller caller, NewReview review);

    /** Every campaign (ACCESS_REVIEW_READ), or the ones the caller reviews items of. */
    List<ReviewView> list(Caller caller);

    ReviewDetail get(Caller caller, long id);

    /**
     * Whether an open campaign has items for the caller to review (the portal offers them the review page; reads
     * nothing about anyone else, so it records nothing).
     */
    boolean isReviewer(Caller caller);

    /** Keep or revoke one item, by its assigned reviewer only and never about the reviewer's own access. */
    ItemView decide(Caller caller, long reviewId, long itemId, Decision decision);

    /** Closes the campaign (ACCESS_REVIEW_MANAGE) and records its outcome with the digest of its record. */
    ReviewView close(Caller caller, long id);

    /** The canonical record the outcome digest is taken over (ACCESS_REVIEW_READ), to check it offline. */
    String record(Caller caller, long id);
}
