package org.custodian.interfaces.rest.auth;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.custodian.application.auth.AccessToken;
import org.custodian.application.auth.AuthenticationService;
import java.util.Set;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.BodyLimit;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.custodian.interfaces.rest.shared.PublicEndpoint;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("auth/token")
@RequestScoped
@PublicEndpoint
@BodyLimit(kib = 8)
public class TokenResource {

    @EJB
    AuthenticationService authentication;

    @Inject
    CurrentCaller request;

    @Inject
    Validator validator;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange username and password (plus 'otp', a current TOTP or recovery code, when the account has a"
            + " second factor) for an RS256 access token (at most 15 minutes)")
    @APIResponse(responseCode = "200", description = "access_token, token_type Bearer, expires_in seconds")
    @APIResponse(responseCode = "401", description = "wrong username, password or one-time code, or a second factor"
            + " the role needs and the account has not enrolled (one answer for all)")
    @APIResponse(responseCode = "413", description = "the body is over 8 KiB")
    @APIResponse(responseCode = "429", description = "too many failed attempts for this username or from this address,"
            + " or too many sign-ins being checked at once; see Retry-After")
    public TokenResponse issue(byte[] body) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.of(body, Set.of("username", "password", "otp"), check);
        TokenRequest credentials = new TokenRequest();
        credentials.setUsername(json.text("username"));
        credentials.setPassword(json.text("password"));
        String oneTimeCode = json.fields().containsKey("otp") ? json.text("otp") : null;
        check.throwIfAny();
        Set<ConstraintViolation<TokenRequest>> invalid = validator.validate(credentials);
        if (!invalid.isEmpty()) {
            throw new ConstraintViolationException(invalid);
        }
        AccessToken token = authentication.signIn(credentials.getUsername(), credentials.getPassword().toCharArray(),
                oneTimeCode, request.requestId(), request.clientAddress());
        return new TokenResponse(token.accessToken(), token.tokenType(), token.expiresIn());
    }
}
