package org.custodian.application.user;

import java.time.Instant;
import java.util.List;
import org.custodian.domain.model.user.User;

/**
 * A user as the API shows them (never the password hash). {@code pendingRoles} are roles asked for that wait for
 * a second person; {@code grantRequests} those requests; {@code teams} the keys of the user's teams.
 */
public record UserView(String username, String displayName, String email, List<String> roles, List<String> regions,
        List<String> teams, String timeZone, String locale, boolean active, String disabledReason, Instant disabledAt,
        Instant lastSignInAt, boolean passwordSet, Instant createdAt, String createdBy, Instant changedAt,
        String changedBy, List<String> pendingRoles, List<RoleGrantRequestView> grantRequests)
                implements java.io.Serializable {

    static UserView of(User user, List<RoleGrantRequestView> pending) {
        return of(user, List.of(), pending);
    }

    /** @param teams the keys of the teams the user is a member of (the team service says which) */
    static UserView of(User user, List<String> teams, List<RoleGrantRequestView> pending) {
        return new UserView(user.getUsername(), user.getDisplayName(), user.getEmail(),
                user.getRoles().stream().map(Enum::name).sorted().toList(),
                user.getRegions().stream().map(Enum::name).sorted().toList(), List.copyOf(teams), user.getTimeZone(), user.getLocale(),
                user.isEnabled(), user.getDisabledReason(), user.getDisabledAt(), user.getLastSignInAt(),
                user.hasPassword(), user.getCreatedAt(), user.getCreatedBy(), user.getChangedAt(),
                user.getChangedBy(), pending.stream().map(RoleGrantRequestView::role).sorted().toList(), pending);
    }
}
