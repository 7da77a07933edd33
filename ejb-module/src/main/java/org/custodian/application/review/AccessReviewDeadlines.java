package org.custodian.application.review;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodian.application.audit.AuditService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.access.AccessRepository;
import org.custodian.domain.model.access.Notification;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.review.AccessReview;
import org.custodian.domain.model.review.AccessReviewItem;
import org.custodian.domain.model.review.AccessReviewRepository;
import org.custodian.domain.model.review.DeadlinePolicy;
import org.custodian.domain.model.review.ReviewTiming;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserRepository;

/**
 * The schedule's work on campaigns, each call in a transaction of its own (one campaign's failure does not undo
 * another's): reminders before the deadline, the deadline's revocations or escalation, the quarterly campaign.
 */
@Stateless
public class AccessReviewDeadlines {

    static final String SYSTEM = "access-review";

    @EJB
    AuditService audit;

    @Inject
    ReviewCampaigns campaigns;

    @Inject
    AccessReviewRepository reviews;

    @Inject
    AccessRepository access;

    @Inject
    UserRepository users;

    private final Clock clock = Clock.systemUTC();

    /** The ids of the open campaigns, soonest deadline first. */
    public List<Long> openCampaigns() {
        return reviews.open().stream().map(AccessReview::getId).toList();
    }

    /** Revokes or escalates what nobody decided, once the deadline has come; false if it had not (or was done). */
    public boolean handleDeadline(long id) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AccessReview review = reviews.findForUpdate(id).orElse(null);
        if (review == null || !review.isOpen()
                || !ReviewTiming.deadlineDue(now, review.getDeadline(), review.getDeadlineHandledAt())) {
            return false;
        }
        Caller system = Caller.system(SYSTEM, null);
        int revoked = 0;
        int escalated = 0;
        for (AccessReviewItem item : reviews.items(id)) {
            switch (ReviewTiming.atDeadline(item.getState(), review.getDeadlinePolicy())) {
                case REVOKE -> {
                    item.decide(false, system.username(), "not reviewed by the deadline", now);
                    String effect = campaigns.revoke(system, review, item, "access review " + id
                            + ": not reviewed by the deadline");
                    audit.record(system, AccessReviewActions.DECISION, AccessReviewActions.ACCESS_REVIEW_ITEM,
                            String.valueOf(item.getId()), List.of("review=" + id, "user=" + item.getUsername(),
                                    "item=" + item.getKind() + ":" + item.getSubject(), "decision=revoke",
                                    "effect=" + effect, "why=deadline"), AuditOutcome.SUCCESS);
                    revoked++;
                }
                case ESCALATE -> {
                    item.escalate();
                    escalated++;
                }
                default -> {
                    // decided already
                }
            }
        }
        if (escalated > 0) {
            access.store(new Notification(Role.PRIVACY_OFFICER, AccessReviewActions.TOPIC,
                    AccessReviewActions.ACCESS_REVIEW, String.valueOf(id), escalated + " item(s) of access review "
                            + id + " (" + review.scopeText() + ") were not reviewed by the deadline " + review
                            .getDeadline() + " and stay in force until decided: see GET /api/v1/access-reviews/"
                            + id, now));
        }
        review.deadlineHandled(now);
        audit.record(system, AccessReviewActions.DEADLINE, AccessReviewActions.ACCESS_REVIEW, String.valueOf(id),
                List.of("policy=" + review.getDeadlinePolicy(), "revoked=" + revoked, "escalated=" + escalated),
                AuditOutcome.SUCCESS);
        return true;
    }

    /** Tells each reviewer with items still open how many, within {@code lead} of the deadline, once a day. */
    public boolean remind(long id, Duration lead) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AccessReview review = reviews.findForUpdate(id).orElse(null);
        if (review == null || !review.isOpen()
                || !ReviewTiming.reminderDue(now, review.getDeadline(), review.getLastReminderAt(), lead)) {
            return false;
        }
        Map<String, Integer> open = new TreeMap<>();
        for (AccessReviewItem item : reviews.items(id)) {
            if (item.getState().isOpen() && item.getReviewer() != null) {
                open.merge(item.getReviewer(), 1, Integer::sum);
            }
        }
        int sent = 0;
        for (Map.Entry<String, Integer> reviewer : open.entrySet()) {
            User user = users.findByUsername(reviewer.getKey()).orElse(null);
            if (user == null || user.getRoles().isEmpty()) {
                continue; // nobody to read it (a name the IdP knows only): the deadline policy still applies
            }
            Role role = user.getRoles().stream().sorted().findFirst().orElseThrow();
            access.store(Notification.forUser(reviewer.getKey(), role, AccessReviewActions.TOPIC,
                    AccessReviewActions.ACCESS_REVIEW, String.valueOf(id), "Reminder: " + reviewer.getValue()
                            + " item(s) of access review " + id + " (" + review.scopeText() + ") await your decision"
                            + " by " + review.getDeadline() + "; then they are "
                            + (review.getDeadlinePolicy() == DeadlinePolicy.REVOKE ? "revoked" : "escalated"), now));
            sent++;
        }
        review.reminded(now);
        audit.record(Caller.system(SYSTEM, null), AccessReviewActions.REMINDER, AccessReviewActions.ACCESS_REVIEW,
                String.valueOf(id), List.of("reviewers=" + sent), AuditOutcome.SUCCESS);
        return true;
    }

    /**
     * Opens the scheduled campaign over all users, unless one was opened in the last {@code quiet} (a restart or a
     * second node firing the same calendar). Its reviewer of last resort is {@code owner}.
     */
    public Long openScheduled(String owner, Duration deadlineIn, DeadlinePolicy policy, Duration quiet) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (reviews.scheduledSince(now.minus(quiet))) {
            return null;
        }
        Caller system = Caller.system(SYSTEM + "-schedule", null);
        AccessReview review = new AccessReview("Scheduled access review", null, null, null, now.plus(deadlineIn),
                policy, system.username(), true, now);
        List<AccessReviewItem> items = campaigns.snapshot(review, owner, now);
        audit.record(system, AccessReviewActions.CREATE, AccessReviewActions.ACCESS_REVIEW,
                String.valueOf(review.getId()), List.of("scope=" + review.scopeText(), "deadline="
                        + review.getDeadline(), "policy=" + policy, "reviewer=supervisor rule", "owner=" + owner,
                        "items=" + items.size(), "scheduled"), AuditOutcome.SUCCESS);
        return review.getId();
    }
}
