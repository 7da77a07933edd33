package org.custodian.application.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.application.auth.TokenVerificationKeys;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The issuers whose bearer tokens this server accepts, and the one place they are verified (Nimbus JOSE+JWT, the
 * same on every application server; no container security is involved):
 * <ul>
 * <li>our own, {@code custodian.jwt.issuer} with audience {@code custodian.jwt.audience}, RS256 only, keys from
 * {@link TokenVerificationKeys} (the signing key and the previous ones, chosen by {@code kid});</li>
 * <li>optionally the corporate identity provider ({@link IdentityProviderSettings}): its JWK set is found through
 * its discovery document and cached, fetched again for an unknown {@code kid} (at most every 30 s). Nothing is
 * fetched before its first token arrives, so an IdP that is down never keeps this server from starting; its
 * tokens then get a 503 while ours keep working.</li>
 * </ul>
 * A token is routed by its (unverified) {@code iss} to exactly one issuer's checks; a token no issuer claims, or one
 * that fails its issuer's checks, is rejected. Embedded keys ({@code jwk}, {@code jku}, {@code x5u}) are never used.
 */
@ApplicationScoped
public class TrustedIssuers {

    /** Our tokens come from this very server: little drift to allow. */
    static final int OWN_CLOCK_SKEW_SECONDS = 30;
    static final int IDP_CLOCK_SKEW_SECONDS = 60;

    @Inject
    TokenVerificationKeys keys;

    @Inject
    IdentityProviderSettings idp;

    @Inject
    ProviderDiscovery discovery;

    @Inject
    @ConfigProperty(name = "custodian.jwt.issuer")
    String ownIssuer;

    @Inject
    @ConfigProperty(name = "custodian.jwt.audience")
    String ownAudience;

    /** Our own tokens that passed these checks, until they expire; revocation is checked by the caller (#27). */
    private final VerifiedTokenCache verifiedOwn = new VerifiedTokenCache();

    private volatile DefaultJWTProcessor<SecurityContext> own;
    private volatile DefaultJWTProcessor<SecurityContext> provider;

    /**
     * @throws TokenRejectedException when the token is not one of a trusted issuer, or fails its checks
     * @throws IdentityProviderUnavailableException when the token names the IdP but its keys cannot be fetched
     */
    public VerifiedToken verify(String token) {
        Instant now = Instant.now();
        VerifiedToken known = verifiedOwn.get(token, now);
        if (known != null) {
            return known;
        }
        JWT parsed;
        String issuer;
        try {
            parsed = JWTParser.parse(token);
            issuer = parsed.getJWTClaimsSet().getIssuer();
        } catch (ParseException | IllegalArgumentException e) {
            throw new TokenRejectedException("the bearer token is not a well-formed JWT");
        }
        if (!(parsed instanceof SignedJWT signed)) {
            throw new TokenRejectedException("the bearer token is not signed");
        }
        if (ownIssuer.equals(issuer)) {
            JWTClaimsSet claims = process(ownProcessor(), signed, "this server's");
            VerifiedToken verified = new VerifiedToken(true, claims.getClaims());
            verifiedOwn.put(token, verified, claims.getExpirationTime(), now);
            return verified;
        }
        if (issuer != null && idp.issuer().filter(issuer::equals).isPresent()) {
            JWTClaimsSet claims = process(providerProcessor(), signed, "the identity provider's");
            if ("ID".equals(claims.getClaim("typ"))) {
                throw new TokenRejectedException("an ID token is not an access token; send the access token");
            }
            return new VerifiedToken(false, claims.getClaims());
        }
        throw new TokenRejectedException("the bearer token's issuer is not trusted here");
    }

    private JWTClaimsSet process(DefaultJWTProcessor<SecurityContext> processor, SignedJWT token, String whose) {
        try {
            return processor.process(token, null);
        } catch (RateLimitReachedException e) {
            // an unknown kid asked for a fresh key set moments ago: the set is current, so the key is not in it
            throw new TokenRejectedException("the bearer token was rejected (" + whose + " token: unknown key)");
        } catch (KeySourceException e) {
            throw new IdentityProviderUnavailableException("the identity provider's keys could not be fetched ("
                    + e.getMessage() + "); its tokens cannot be checked now, this server's own tokens still work", e);
        } catch (BadJOSEException | JOSEException e) {
            throw new TokenRejectedException("the bearer token was rejected (" + whose + " token: bad signature,"
                    + " unknown key, wrong audience, or expired); get a new one");
        }
    }

    private DefaultJWTProcessor<SecurityContext> ownProcessor() {
        DefaultJWTProcessor<SecurityContext> processor = own;
        if (processor == null) {
            processor = processor(new ImmutableJWKSet<>(ownKeys()), Set.of(JWSAlgorithm.RS256), ownIssuer,
                    ownAudience.split(",")[0].trim(), OWN_CLOCK_SKEW_SECONDS, Set.of(JOSEObjectType.JWT));
            own = processor;
        }
        return processor;
    }

    /** The current signing key's public half and the previous keys still accepted. */
    JWKSet ownKeys() {
        try {
            return JWKSet.parse(keys.jwks().orElseThrow(() -> new IllegalStateException(
                    "no token verification keys (custodian.jwt.verify-keys)")).toString());
        } catch (ParseException e) {
            throw new IllegalStateException("custodian.jwt.verify-keys is not a JWK set", e);
        }
    }

    private DefaultJWTProcessor<SecurityContext> providerProcessor() {
        DefaultJWTProcessor<SecurityContext> processor = provider;
        if (processor == null) {
            processor = discover();
        }
        return processor;
    }

    /** The IdP's JWK set by way of its discovery document ({@link ProviderDiscovery}, shared with the portal). */
    private synchronized DefaultJWTProcessor<SecurityContext> discover() {
        if (provider != null) {
            return provider;
        }
        ProviderDiscovery.Provider found = discovery.provider();
        Set<JWSAlgorithm> algorithms = idp.algorithms().stream().map(JWSAlgorithm::parse)
                .collect(Collectors.toSet());
        // RFC 9068 access tokens say at+jwt; most IdPs (Keycloak) say JWT or nothing
        DefaultJWTProcessor<SecurityContext> processor = processor(found.keys(), algorithms, found.issuer(),
                idp.audience(), IDP_CLOCK_SKEW_SECONDS, Set.of(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
                        new JOSEObjectType("application/at+jwt")));
        provider = processor;
        return processor;
    }

    private static DefaultJWTProcessor<SecurityContext> processor(JWKSource<SecurityContext> keys,
            Set<JWSAlgorithm> algorithms, String issuer, String audience, int skewSeconds, Set<JOSEObjectType> types) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        Set<JOSEObjectType> accepted = new HashSet<>(types);
        accepted.add(null);
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(accepted));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        // mutable sets: Nimbus asks them whether they contain null, which Set.of answers with an exception
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                new HashSet<>(Set.of(audience)), new JWTClaimsSet.Builder().issuer(issuer).build(),
                new HashSet<>(Set.of("sub", "exp")), new HashSet<>());
        claims.setMaxClockSkew(skewSeconds);
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }
}
