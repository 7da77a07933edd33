package org.custodian.domain.model.user;

import java.util.EnumSet;
import java.util.Set;

/**
 * The four-eyes rule of role grants: the roles that see personal data or administer people (privacy officer,
 * supervisor, user administrator) are given only when a second person approves. Taking a role away needs no
 * second person: less access is never the risk this guards against.
 */
public final class FourEyes {

    public static final Set<Role> GUARDED = EnumSet.of(Role.PRIVACY_OFFICER, Role.SUPERVISOR, Role.USER_ADMIN);

    private FourEyes() {
    }

    /**
     * How a wanted set of roles splits against the current one.
     *
     * @param granted roles given now (added, not guarded)
     * @param pending roles added that wait for a second person
     * @param removed roles taken away now
     * @param result the roles the user holds once this change is made (current minus removed plus granted)
     */
    public record Split(Set<Role> granted, Set<Role> pending, Set<Role> removed, Set<Role> result) {
    }

    public static Split split(Set<Role> current, Set<Role> wanted) {
        Set<Role> granted = EnumSet.noneOf(Role.class);
        Set<Role> pending = EnumSet.noneOf(Role.class);
        for (Role role : wanted) {
            if (!current.contains(role)) {
                (GUARDED.contains(role) ? pending : granted).add(role);
            }
        }
        Set<Role> removed = EnumSet.noneOf(Role.class);
        for (Role role : current) {
            if (!wanted.contains(role)) {
                removed.add(role);
            }
        }
        Set<Role> result = EnumSet.noneOf(Role.class);
        result.addAll(current);
        result.removeAll(removed);
        result.addAll(granted);
        return new Split(granted, pending, removed, result);
    }

    /**
     * Why {@code approver} may not decide a request by {@code requester} for {@code subject}, or null when they may
     * (their permission to approve at all is the policy's to check).
     */
    public static String refusal(String approver, String requester, String subject) {
        if (approver.equals(requester)) {
            return "you requested this grant: another user administrator or a privacy officer must decide it";
        }
        if (approver.equals(subject)) {
            return "this grant is for you: another user administrator or a privacy officer must decide it";
        }
        return null;
    }
}
