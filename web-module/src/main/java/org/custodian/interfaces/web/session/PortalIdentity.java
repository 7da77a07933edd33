package org.custodian.interfaces.web.session;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;

/**
 * Who holds this portal session and how far their sign-in got, kept as a session attribute. Only
 * {@link Stage#SIGNED_IN} opens the portal; the other stages open only their own step's page.
 */
public record PortalIdentity(String username, String displayName, Set<Role> roles, Set<Region> regions, Stage stage,
        Instant signedInAt, boolean secondFactorGiven) implements Serializable {

    static final String ATTRIBUTE = "custodian.portal.identity";
    static final String LAST_SEEN = "custodian.portal.last-seen";
    static final String LAST_CHECKED = "custodian.portal.last-checked";
    /** Set when the session was started through the identity provider ({@link SingleSignOn}). */
    static final String SINGLE_SIGN_ON = "custodian.portal.single-sign-on";

    /**
     * A session started through the identity provider: its key in the registry a back-channel logout ends, and the
     * ID token, sent back as {@code id_token_hint} when the user signs out.
     */
    record SingleSignOn(String key, String idToken) implements Serializable {
    }

    public enum Stage {
        /** The password was right; a code from the enrolled authenticator is next. */
        SECOND_FACTOR,
        /** The password was right; the role needs a second factor and none is enrolled. */
        ENROLLMENT,
        SIGNED_IN
    }

    /** The next stage; reaching SIGNED_IN from a second-factor step records that a factor was given. */
    PortalIdentity at(Stage next, Instant now) {
        return new PortalIdentity(username, displayName, roles, regions, next, next == Stage.SIGNED_IN ? now
                : signedInAt, secondFactorGiven || stage != Stage.SIGNED_IN && next == Stage.SIGNED_IN);
    }

    /** The same session with the roles and regions the user store gives now. */
    PortalIdentity withAccess(Set<Role> currentRoles, Set<Region> currentRegions) {
        return new PortalIdentity(username, displayName, currentRoles, currentRegions, stage, signedInAt,
                secondFactorGiven);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
