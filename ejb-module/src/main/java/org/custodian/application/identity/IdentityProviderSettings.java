package org.custodian.application.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The corporate identity provider this server trusts, if any ({@code custodian.oidc.*}, see docs/configuration.md),
 * read and checked once: a setting that cannot work (an unknown mapping target, an unknown provisioning mode, an
 * issuer without an audience) refuses the start with a message naming it, rather than refusing every user later.
 */
@ApplicationScoped
public class IdentityProviderSettings {

    public enum Provisioning {
        /** Users the IdP vouches for are created at their first sign-in; their roles follow their groups. */
        JUST_IN_TIME,
        /** Only users that exist here may sign in; their roles are ours, not the IdP's. */
        PRE_PROVISIONED
    }

    @Inject
    Config config;

    private Function<String, Optional<String>> values;
    private Optional<String> issuer;
    private Optional<String> clientId;
    private Optional<String> clientSecret;
    private String displayName;
    private String audience;
    private String usernameClaim;
    private String groupsClaim;
    private GroupMapping groupMapping;
    private Provisioning provisioning;
    private IdentityClaims.MfaRule mfaRule;
    private Set<String> algorithms;
    private Duration timeout;

    @PostConstruct
    void read() {
        read(name -> config.getOptionalValue(name, String.class));
    }

    /** Reads the settings from any source of configuration values (the tests give a map). */
    void read(Function<String, Optional<String>> values) {
        this.values = values;
        issuer = text("custodian.oidc.issuer");
        clientId = text("custodian.oidc.client-id");
        clientSecret = text("custodian.oidc.client-secret");
        displayName = text("custodian.oidc.display-name").orElse("single sign-on");
        audience = text("custodian.oidc.audience").or(() -> clientId).orElse(null);
        usernameClaim = text("custodian.oidc.username-claim").orElse("preferred_username");
        groupsClaim = text("custodian.oidc.groups-claim").orElse("groups");
        provisioning = provisioning(text("custodian.oidc.provisioning").orElse("pre-provisioned"));
        mfaRule = new IdentityClaims.MfaRule(list(text("custodian.oidc.mfa-acr")
                .orElse("http://schemas.openid.net/pape/policies/2007/06/multi-factor")),
                list(text("custodian.oidc.mfa-amr").orElse("mfa,otp,hwk,sc")));
        algorithms = list(text("custodian.oidc.algorithms").orElse("RS256"));
        timeout = text("custodian.oidc.timeout").map(Duration::parse).orElse(Duration.ofSeconds(5));
        try {
            groupMapping = GroupMapping.parse(text("custodian.oidc.group-map").orElse(""));
        } catch (IllegalArgumentException e) {
            throw refusal("custodian.oidc.group-map (CUSTODIAN_OIDC_GROUP_MAP): " + e.getMessage());
        }
        if (issuer.isPresent()) {
            URI uri = URI.create(issuer.get());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw refusal("custodian.oidc.issuer (CUSTODIAN_OIDC_ISSUER) must be the IdP's issuer URL, e.g."
                        + " https://login.example.com/realms/custodian; got " + issuer.get());
            }
            if (audience == null) {
                throw refusal("custodian.oidc.issuer is set but neither custodian.oidc.audience nor"
                        + " custodian.oidc.client-id (CUSTODIAN_OIDC_AUDIENCE, CUSTODIAN_OIDC_CLIENT_ID): the"
                        + " audience the IdP's tokens must carry for this server");
            }
            if (issuer.get().equals(values.apply("custodian.jwt.issuer").orElse(""))) {
                throw refusal("custodian.oidc.issuer must differ from custodian.jwt.issuer, this server's own");
            }
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.toSeconds() > 60) {
            throw refusal("custodian.oidc.timeout must be between 1 ms and 60 s, got " + timeout);
        }
    }

    private static Provisioning provisioning(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "just-in-time" -> Provisioning.JUST_IN_TIME;
            case "pre-provisioned" -> Provisioning.PRE_PROVISIONED;
            default -> throw refusal("custodian.oidc.provisioning (CUSTODIAN_OIDC_PROVISIONING) must be"
                    + " just-in-time or pre-provisioned, got '" + value + "'");
        };
    }

    private Optional<String> text(String name) {
        return values.apply(name).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static Set<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(value -> !value.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static IllegalStateException refusal(String message) {
        return new IllegalStateException("Custodian cannot start: " + message + ". See docs/configuration.md.");
    }

    /** The IdP's issuer, exactly as its tokens name it; empty when no IdP is trusted. */
    public Optional<String> issuer() {
        return issuer;
    }

    /** Custodian's client id at the IdP (the portal's code flow; the default audience). */
    public Optional<String> clientId() {
        return clientId;
    }

    public Optional<String> clientSecret() {
        return clientSecret;
    }

    /** What the portal's button says: "Sign in with ..." ({@code custodian.oidc.display-name}). */
    public String displayName() {
        return displayName;
    }

    /** Whether the portal offers "Sign in with ...": an issuer, a client id and a client secret are set. */
    public boolean portalSignIn() {
        return issuer.isPresent() && clientId.isPresent() && clientSecret.isPresent();
    }

    public String audience() {
        return audience;
    }

    public String usernameClaim() {
        return usernameClaim;
    }

    public String groupsClaim() {
        return groupsClaim;
    }

    public GroupMapping groupMapping() {
        return groupMapping;
    }

    public Provisioning provisioning() {
        return provisioning;
    }

    public IdentityClaims.MfaRule mfaRule() {
        return mfaRule;
    }

    public Set<String> algorithms() {
        return algorithms;
    }

    public Duration timeout() {
        return timeout;
    }
}
