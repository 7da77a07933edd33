package org.custodian.application.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies the two kinds of IdP token the portal receives, with the keys of the IdP's JWK set
 * ({@link ProviderDiscovery}) and the algorithms of {@code custodian.oidc.algorithms}:
 * <ul>
 * <li>the ID token of a code flow (OpenID Connect Core 3.1.3.7): issuer exactly, audience containing our client id
 * (and {@code azp} ours when present), {@code exp}, {@code iat}, {@code sub}, and the {@code nonce} this session
 * sent;</li>
 * <li>a back-channel logout token (OpenID Connect Back-Channel Logout 1.0, 2.6): issuer, audience, {@code iat},
 * {@code jti}, the {@code events} claim with the back-channel-logout member, a {@code sid} or a {@code sub}, and no
 * {@code nonce} (so an ID token can never pass as one).</li>
 * </ul>
 */
@ApplicationScoped
public class ProviderTokens {

    static final String BACKCHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout";
    static final int CLOCK_SKEW_SECONDS = 60;

    @Inject
    ProviderDiscovery discovery;

    @Inject
    IdentityProviderSettings idp;

    /** The claims of a valid ID token carrying {@code nonce}; a {@link TokenRejectedException} otherwise. */
    public JWTClaimsSet idToken(String token, String nonce) {
        JWTClaimsSet claims = process(token, Set.of("sub", "exp", "iat", "nonce"), Set.of(), Set.of(JOSEObjectType.JWT),
                "ID token");
        Object sent = claims.getClaim("nonce");
        if (!(sent instanceof String text) || nonce == null || !MessageDigest.isEqual(
                text.getBytes(StandardCharsets.UTF_8), nonce.getBytes(StandardCharsets.UTF_8))) {
            throw new TokenRejectedException("the identity provider's ID token was not issued for this sign-in"
                    + " (nonce)");
        }
        Object azp = claims.getClaim("azp");
        if (azp != null && !clientId().equals(azp)) {
            throw new TokenRejectedException("the identity provider's ID token was issued to another client (azp)");
        }
        return claims;
    }

    /** The claims of a valid logout token; a {@link TokenRejectedException} otherwise (a 400 to the IdP). */
    public JWTClaimsSet logoutToken(String token) {
        JWTClaimsSet claims = process(token, Set.of("iat", "jti", "events"), Set.of("nonce"),
                Set.of(JOSEObjectType.JWT, new JOSEObjectType("logout+jwt")), "logout token");
        Object events;
        try {
            events = claims.getJSONObjectClaim("events");
        } catch (ParseException e) {
            events = null;
        }
        if (!(events instanceof Map<?, ?> map) || !(map.get(BACKCHANNEL_EVENT) instanceof Map<?, ?>)) {
            throw new TokenRejectedException("the logout token has no back-channel logout event ('events')");
        }
        boolean sid = claims.getClaim("sid") instanceof String text && !text.isBlank();
        boolean sub = claims.getSubject() != null && !claims.getSubject().isBlank();
        if (!sid && !sub) {
            throw new TokenRejectedException("the logout token names neither a session ('sid') nor a user ('sub')");
        }
        return claims;
    }

    private JWTClaimsSet process(String token, Set<String> required, Set<String> prohibited,
            Set<JOSEObjectType> types, String what) {
        if (token == null || token.isBlank() || token.length() > 16 * 1024) {
            throw new TokenRejectedException("no " + what + " was given");
        }
        ProviderDiscovery.Provider provider = discovery.provider();
        try {
            return processor(provider.keys(), provider.issuer(), required, prohibited, types)
                    .process(SignedJWT.parse(token), null);
        } catch (ParseException e) {
            throw new TokenRejectedException("the " + what + " is not a signed JWT");
        } catch (KeySourceException e) {
            throw new IdentityProviderUnavailableException("the identity provider's keys could not be fetched ("
                    + e.getMessage() + ")", e);
        } catch (BadJWTException e) {
            throw new TokenRejectedException("the identity provider's " + what + " was rejected: " + e.getMessage());
        } catch (BadJOSEException | JOSEException e) {
            throw new TokenRejectedException("the identity provider's " + what + " was rejected (bad signature or"
                    + " unknown key)");
        }
    }

    private DefaultJWTProcessor<SecurityContext> processor(JWKSource<SecurityContext> keys, String issuer,
            Set<String> required, Set<String> prohibited, Set<JOSEObjectType> types) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        Set<JOSEObjectType> accepted = new HashSet<>(types);
        accepted.add(null);
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(accepted));
        Set<JWSAlgorithm> algorithms = idp.algorithms().stream().map(JWSAlgorithm::parse)
                .collect(Collectors.toSet());
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        // mutable sets: Nimbus asks them whether they contain null
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                new HashSet<>(Set.of(clientId())), new JWTClaimsSet.Builder().issuer(issuer).build(),
                new HashSet<>(required), new HashSet<>(prohibited));
        claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }

    private String clientId() {
        return idp.clientId().orElseThrow(() -> new IllegalStateException("custodian.oidc.client-id is not set"));
    }
}
