package org.custodian.interfaces.rest.shared;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.security.enterprise.SecurityContext;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.custodian.application.integration.KeyAuthentication;
import org.custodian.application.shared.Caller;
import org.custodian.domain.shared.PlainText;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated caller of this request, read from the verified token: {@code upn} is the
 * user, {@code groups} the roles, {@code region} the regions. Unknown role or region names are
 * ignored (least privilege), never guessed.
 *
 * <p>The token arrives as the request's caller principal (MicroProfile JWT makes it a
 * {@link JsonWebToken}), handed over by {@link BearerTokenFilter}. Injecting JsonWebToken instead
 * fails inside an EAR on Payara Server, where its producer cannot find the CDI bean manager.
 */
@RequestScoped
public class CurrentCaller {

    static final int MAX_NAME = 254;

    @Inject
    RequestCoordinates coordinates;

    @Inject
    SecurityContext security;

    private JsonWebToken token;

    /** An accepted API key of a service account (#22), set by {@link BearerTokenFilter} instead of a token. */
    private KeyAuthentication apiKey;

    /**
     * Takes the verified token from the JAX-RS principal or, where the server wraps that
     * principal, from the Jakarta Security caller principals.
     */
    void accept(Principal principal) {
        JsonWebToken found = principal instanceof JsonWebToken jwt ? jwt : null;
        if (found == null && security.getCallerPrincipal() instanceof JsonWebToken jwt) {
            found = jwt;
        }
        if (found == null) {
            found = security.getPrincipalsByType(JsonWebToken.class).stream().findFirst().orElse(null);
        }
        // a name longer than any username or e-mail address, or one that is not plain text, is not a caller we can
        // record (nor look up: PostgreSQL refuses NUL); such a token is as good as none, a 401
        token = found != null && found.getName() != null && found.getName().length() <= MAX_NAME
                && PlainText.refusal(found.getName()).isEmpty() && found.getRawToken() != null ? found : null;
    }

    /** API keys (#22): the request presented an accepted service-account key instead of a token. */
    void acceptKey(KeyAuthentication accepted) {
        token = null;
        apiKey = accepted.accepted() ? accepted : null;
    }

    /** The accepted API key of this request, or null (a person's token, or nobody). */
    public KeyAuthentication apiKey() {
        return apiKey;
    }

    public boolean isAuthenticated() {
        return token != null || apiKey != null;
    }

    public Caller get() {
        if (apiKey != null) {
            return apiKey.caller(coordinates.requestId(), coordinates.clientAddress());
        }
        if (token == null) {
            throw new IllegalStateException("no verified token for this request");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
        for (String group : groups) {
            for (Role role : Role.values()) {
                if (role.name().equals(group)) {
                    roles.add(role);
                }
            }
        }
        Set<Region> regions = EnumSet.noneOf(Region.class);
        Optional<Object> claim = Optional.ofNullable(token.getClaim("region"));
        claim.ifPresent(value -> {
            if (value instanceof JsonArray array) {
                for (JsonValue item : array) {
                    if (item instanceof JsonString text) {
                        Region.parse(text.getString()).ifPresent(regions::add);
                    }
                }
            } else if (value instanceof Iterable<?> items) {
                items.forEach(item -> Region.parse(String.valueOf(item).replace("\"", "")).ifPresent(regions::add));
            } else {
                Region.parse(String.valueOf(value).replace("\"", "")).ifPresent(regions::add);
            }
        });
        return new Caller(token.getName(), roles, regions, coordinates.requestId(), coordinates.clientAddress());
    }

    /** The user's token version the token was issued under (claim {@code tv}; 0 for tokens without it). */
    public int tokenVersion() {
        if (token == null) {
            throw new IllegalStateException("no verified token for this request");
        }
        Object claim = token.getClaim("tv");
        if (claim instanceof JsonNumber number && number.isIntegral()) {
            return number.intValue();
        }
        if (claim instanceof Number number) {
            return number.intValue();
        }
        return claim == null ? 0 : -1; // a version in any other shape matches no user's
    }

    public String requestId() {
        return coordinates.requestId();
    }

    public String clientAddress() {
        return coordinates.clientAddress();
    }
}
