package org.custodian.application.review;

/** Audited actions and resource types of access reviews, as they appear in the trail. */
public final class AccessReviewActions {

    public static final String CREATE = "ACCESS_REVIEW_CREATE";
    public static final String READ = "ACCESS_REVIEW_READ";
    public static final String DECISION = "ACCESS_REVIEW_DECISION";
    /** What the deadline did: revoked or escalated the undecided items. */
    public static final String DEADLINE = "ACCESS_REVIEW_DEADLINE";
    public static final String REMINDER = "ACCESS_REVIEW_REMINDER";
    /** The outcome: one event per campaign carrying the digest of its canonical record. */
    public static final String CLOSE = "ACCESS_REVIEW_CLOSE";
    public static final String DORMANT_REPORT = "REPORT_DORMANT_ACCOUNTS";
    public static final String DORMANT_DISABLE = "USER_DISABLE_DORMANT";

    public static final String ACCESS_REVIEW = "ACCESS_REVIEW";
    public static final String ACCESS_REVIEW_ITEM = "ACCESS_REVIEW_ITEM";

    /** The notification topic of reminders and escalations. */
    public static final String TOPIC = "ACCESS_REVIEW";

    private AccessReviewActions() {
    }
}
