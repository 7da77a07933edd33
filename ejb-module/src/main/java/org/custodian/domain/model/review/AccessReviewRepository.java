package org.custodian.domain.model.review;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.model.user.User;

/** Campaigns and their items, and the reads of users they are built from. */
public interface AccessReviewRepository {

    void store(AccessReview review);

    void store(AccessReviewItem item);

    Optional<AccessReview> find(long id);

    /** The campaign, locked until the transaction ends (close, deadline and decisions do not interleave). */
    Optional<AccessReview> findForUpdate(long id);

    /** All campaigns, newest first. */
    List<AccessReview> all();

    List<AccessReview> open();

    /** Campaigns in which {@code reviewer} reviews at least one item, newest first. */
    List<AccessReview> reviewedBy(String reviewer);

    List<AccessReviewItem> items(long reviewId);

    Optional<AccessReviewItem> findItem(long itemId);

    /** Whether the schedule opened a campaign at or after {@code since} (a second node or a restart must not). */
    boolean scheduledSince(Instant since);

    /** Enabled users holding {@code region} (null: any) and {@code role} (null: any), by username. */
    List<User> enabledUsers(Region region, Role role);

    /** Enabled users holding any of {@code roles}, by username. */
    List<User> enabledHolders(Set<Role> roles);

    /** The users with these names (any state), by username. */
    List<User> usersNamed(Collection<String> usernames);

    /** Enabled users whose last completed sign-in, or creation if they never signed in, is before {@code cutoff}. */
    List<SignInRow> quietSince(Instant cutoff);

    /** Enabled contractors holding no grant that is in force or still to start at {@code now}. */
    List<GrantEndRow> contractorsWithoutGrant(Instant now);

    /** A user's last completed sign-in (null: never) and when the account was made. */
    record SignInRow(String username, Instant createdAt, Instant lastSignIn) {
    }

    /** A contractor and when their last grant ended (null: they never had one). */
    record GrantEndRow(String username, Instant createdAt, Instant lastGrantEnded) {
    }
}
