package org.custodian.application.review;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.application.access.AccessService;
import org.custodian.application.audit.AuditService;
import org.custodian.application.auth.TokenRevocationService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.access.AccessRepository;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.review.AccessReview;
import org.custodian.domain.model.review.AccessReviewItem;
import org.custodian.domain.model.review.AccessReviewRepository;
import org.custodian.domain.model.review.ItemState;
import org.custodian.domain.model.review.ReviewerRule;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserRepository;

/**
 * What opening a campaign and revoking an item do, shared by the API (a person) and the schedule (the system).
 * Joins the caller's transaction: the snapshot, or the revocation and its audit events, commit together.
 */
@Dependent
public class ReviewCampaigns {

    @EJB
    PolicyService policy;

    @EJB
    AccessService accessService;

    @EJB
    TokenRevocationService tokens;

    @EJB
    AuditService audit;

    @Inject
    AccessReviewRepository reviews;

    @Inject
    AccessRepository access;

    @Inject
    UserRepository users;

    /**
     * Stores the campaign and one item per role, region, live grant and backup privilege of every enabled user in
     * its scope, each with its reviewer (see {@link ReviewerRule}).
     *
     * @param creator who the reviewer rule falls back to: the person who opened it, or the schedule's owner
     */
    List<AccessReviewItem> snapshot(AccessReview review, String creator, Instant now) {
        reviews.store(review);
        Map<Region, List<String>> supervisors = new EnumMap<>(Region.class);
        for (User supervisor : reviews.enabledHolders(java.util.EnumSet.of(Role.SUPERVISOR))) {
            for (Region region : supervisor.getRegions()) {
                supervisors.computeIfAbsent(region, key -> new ArrayList<>()).add(supervisor.getUsername());
            }
        }
        List<String> managers = reviews.enabledHolders(policy.rolesGranted(Permission.ACCESS_REVIEW_MANAGE))
                .stream().map(User::getUsername).toList();
        Map<Role, List<String>> backup = backupPermissions();
        List<AccessReviewItem> items = new ArrayList<>();
        for (User user : reviews.enabledUsers(review.getScopeRegion(), review.getScopeRole())) {
            String reviewer = ReviewerRule.reviewerFor(user.getUsername(), user.getRegions(),
                    review.getNamedReviewer(), supervisors, creator, managers);
            for (AccessSnapshot.Entry entry : AccessSnapshot.of(user.getRoles(), user.getRegions(),
                    access.grants(user.getUsername()), backup, now)) {
                AccessReviewItem item = new AccessReviewItem(review.getId(), user.getUsername(), entry.kind(),
                        entry.subject(), entry.detail(), reviewer);
                reviews.store(item);
                items.add(item);
            }
        }
        return items;
    }

    /** Per role, the backup permissions the policy gives it: backup privileges are whatever the policy says. */
    Map<Role, List<String>> backupPermissions() {
        return AccessSnapshot.backupPermissions(policy::rolesGranted);
    }

    /**
     * Takes the item's access away now: a role or region leaves the user and all their tokens end (they were issued
     * under the old access); a grant is ended through the access service. Returns what happened, for the trail.
     */
    String revoke(Caller actor, AccessReview review, AccessReviewItem item, String reason) {
        String why = "access review " + review.getId() + ": " + item.getKind() + " " + item.getSubject() + " revoked";
        switch (item.getKind()) {
            case GRANT -> {
                return accessService.revokeGrantForReview(actor, Long.parseLong(item.getSubject()), reason)
                        ? "grant ended" : "grant no longer in force";
            }
            case ROLE, BACKUP_PRIVILEGE, REGION -> {
                User user = users.findByUsername(item.getUsername()).orElse(null);
                if (user == null) {
                    return "user no longer exists";
                }
                boolean removed = item.getKind() == org.custodian.domain.model.review.ItemKind.REGION
                        ? user.removeRegion(Region.valueOf(item.getSubject()), actor.username(), Instant.now())
                        : user.removeRole(Role.valueOf(item.getSubject()), actor.username(), Instant.now());
                if (!removed) {
                    return "not held any more";
                }
                users.flush(); // the change is written before the token version is raised by a statement of its own
                tokens.revokeFor(actor, user.getUsername(), why);
                return "removed, tokens revoked";
            }
            default -> throw new IllegalStateException("unknown item kind " + item.getKind());
        }
    }

    /** Items by state, every state present (zero counts included), in the states' order. */
    static Map<String, Long> counts(List<AccessReviewItem> items) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ItemState state : ItemState.values()) {
            counts.put(state.name(), 0L);
        }
        items.forEach(item -> counts.merge(item.getState().name(), 1L, Long::sum));
        counts.put("total", (long) items.size());
        return counts;
    }
}
