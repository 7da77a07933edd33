package org.custodian.application.identity;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Reads the identity-provider settings at start, so a mapping with an unknown target or an unknown provisioning mode
 * fails the deployment with its message instead of the first sign-in. It never contacts the IdP: an IdP that is down
 * must not keep this server (and our own tokens) from starting.
 */
@Singleton
@Startup
public class IdentityProviderCheck {

    private static final Logger LOG = Logger.getLogger(IdentityProviderCheck.class.getName());

    @Inject
    IdentityProviderSettings settings;

    @PostConstruct
    void check() {
        settings.issuer().ifPresentOrElse(issuer -> LOG.info(() -> "trusting the identity provider " + issuer
                + " (audience " + settings.audience() + ", provisioning " + settings.provisioning() + ", groups "
                + settings.groupMapping().groups() + ") next to this server's own tokens"),
                () -> LOG.fine("no identity provider configured (custodian.oidc.issuer): own tokens only"));
    }
}
