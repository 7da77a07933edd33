package org.custodian.application.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.custodian.domain.model.user.Role;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who needs a second factor, one rule for every way in (password sign-in, API tokens, the identity provider's
 * tokens): the roles of {@code custodian.auth.second-factor-roles}, and for tokens the mode of
 * {@code custodian.auth.api-second-factor}.
 */
@ApplicationScoped
public class SecondFactorRule {

    /** Roles that must sign in to the portal with a second factor. */
    @Inject
    @ConfigProperty(name = "custodian.auth.second-factor-roles",
            defaultValue = "SUPERVISOR,OPERATOR,PRIVACY_OFFICER,AUDITOR,USER_ADMIN")
    Set<Role> secondFactorRoles;

    /** {@code required}: API tokens for those roles need an enrolled factor; {@code when-enrolled}: only once enrolled. */
    @Inject
    @ConfigProperty(name = "custodian.auth.api-second-factor", defaultValue = "required")
    String apiSecondFactor;

    protected SecondFactorRule() {
        // for CDI
    }

    /** The rule with these settings (tests). */
    public SecondFactorRule(Set<Role> secondFactorRoles, String apiSecondFactor) {
        this.secondFactorRoles = secondFactorRoles;
        this.apiSecondFactor = apiSecondFactor;
    }

    /** Whether one of {@code roles} must sign in to the portal with a second factor. */
    public boolean required(Set<Role> roles) {
        return roles.stream().anyMatch(secondFactorRoles::contains);
    }

    /**
     * Whether a token request must carry a second factor the user has not enrolled: with the mode {@code required}
     * (the default, and any unknown mode), for every role that needs one; with {@code when-enrolled}, never (only
     * enrolled users need their code).
     */
    public boolean apiNeedsSecondFactor(Set<Role> roles) {
        return !"when-enrolled".equals(apiSecondFactor) && required(roles);
    }

    /**
     * Whether an IdP token must show a second factor ({@code acr}/{@code amr}), since a bearer token cannot carry our
     * TOTP code: for a user who enrolled one here, always; else as for any token ({@link #apiNeedsSecondFactor}).
     */
    public boolean idpNeedsMfa(Set<Role> roles, boolean enrolled) {
        return enrolled || apiNeedsSecondFactor(roles);
    }
}
