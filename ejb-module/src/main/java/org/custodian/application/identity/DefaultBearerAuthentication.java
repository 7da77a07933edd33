package org.custodian.application.identity;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.custodian.application.auth.TokenRevocationService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.shared.PlainText;

/** Our own tokens need no transaction (a read of the token version); the IdP's may write (provisioning). */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DefaultBearerAuthentication implements BearerAuthentication {

    /** Longer than any username or e-mail address: a name we could neither record nor look up. */
    static final int MAX_NAME = 254;

    @Inject
    TrustedIssuers issuers;

    @Inject
    IdentityProviderSettings settings;

    @EJB
    TokenRevocationService revocation;

    @EJB
    IdentityProviderService identityProvider;

    @Override
    public Caller authenticate(String token, String requestId, String clientAddress) {
        VerifiedToken verified = issuers.verify(token);
        if (!verified.own()) {
            IdentityClaims identity;
            try {
                identity = IdentityClaims.from(verified.claims(), settings.usernameClaim(), settings.groupsClaim(),
                        settings.mfaRule());
            } catch (IllegalArgumentException e) {
                throw new TokenRejectedException("the identity provider's token cannot be used here: "
                        + e.getMessage());
            }
            return identityProvider.signIn(identity, requestId, clientAddress);
        }
        Caller caller = ownCaller(verified.claims(), requestId, clientAddress);
        if (!revocation.isCurrent(caller, tokenVersion(verified.claims().get("tv")))) {
            throw new TokenRejectedException("this token was revoked (its user signed out everywhere, was disabled,"
                    + " or had their second factor reset); get a new one");
        }
        return caller;
    }

    @Override
    public boolean verifies(String token) {
        try {
            issuers.verify(token);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Our token names the user ({@code upn}), the roles ({@code groups}) and the regions ({@code region}). Unknown
     * role or region names are ignored (least privilege), never guessed.
     */
    static Caller ownCaller(Map<String, Object> claims, String requestId, String clientAddress) {
        Object upn = claims.get("upn") != null ? claims.get("upn") : claims.get("sub");
        if (!(upn instanceof String name) || name.isBlank() || name.length() > MAX_NAME
                || PlainText.refusal(name).isPresent()) {
            throw new TokenRejectedException("the bearer token names no user this server can hold");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : IdentityClaims.strings(claims.get("groups"))) {
            for (Role role : Role.values()) {
                if (role.name().equals(group)) {
                    roles.add(role);
                }
            }
        }
        Set<Region> regions = EnumSet.noneOf(Region.class);
        IdentityClaims.strings(claims.get("region")).forEach(text -> Region.parse(text).ifPresent(regions::add));
        return new Caller(name, roles, regions, requestId, clientAddress);
    }

    /** The token version (claim {@code tv}); 0 for tokens without it, -1 (matching nobody's) for any other shape. */
    static int tokenVersion(Object claim) {
        if (claim == null) {
            return 0;
        }
        if (claim instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        return -1;
    }
}
