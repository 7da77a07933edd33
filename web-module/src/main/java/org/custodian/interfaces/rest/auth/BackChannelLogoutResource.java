package org.custodian.interfaces.rest.auth;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.custodian.application.identity.IdentityProviderSettings;
import org.custodian.application.identity.IdentityProviderUnavailableException;
import org.custodian.application.identity.SingleSignOnService;
import org.custodian.application.identity.TokenRejectedException;
import org.custodian.interfaces.rest.shared.BodyLimit;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.Problems;
import org.custodian.interfaces.rest.shared.PublicEndpoint;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * OpenID Connect Back-Channel Logout 1.0: the identity provider posts a signed logout token here when a user's
 * session there ends, and the portal sessions of that IdP session (or user) end on every node at their next request.
 * Public: the logout token, signed by the IdP, is the credential.
 */
@Path("auth/oidc/backchannel-logout")
@RequestScoped
@PublicEndpoint
@BodyLimit(kib = 32)
public class BackChannelLogoutResource {

    @EJB
    SingleSignOnService singleSignOn;

    @Inject
    IdentityProviderSettings settings;

    @Inject
    CurrentCaller request;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Back-channel logout from the identity provider (form parameter logout_token)")
    @APIResponse(responseCode = "200", description = "the logout token was valid; the portal sessions it names ended")
    @APIResponse(responseCode = "400", description = "no logout token, or one that fails a check (signature, iss,"
            + " aud, iat, events, sid/sub, nonce present)")
    @APIResponse(responseCode = "404", description = "no identity provider's portal sign-in is configured")
    @APIResponse(responseCode = "415", description = "the body is not application/x-www-form-urlencoded")
    @APIResponse(responseCode = "503", description = "the identity provider's keys cannot be fetched now")
    public Response logout(@Context HttpHeaders headers, String body) {
        // read as text, not @FormParam: Jersey fails a form parameter of a request without a content type (500)
        MediaType type = headers.getMediaType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)) {
            return Problems.response(415, "unsupported-media-type", "Unsupported media type",
                    "send the logout token as application/x-www-form-urlencoded (logout_token=...)",
                    request.requestId());
        }
        String logoutToken = formValue(body, "logout_token");
        if (!settings.portalSignIn()) {
            return Problems.response(404, "not-found", "Not found", "single sign-on is not configured here"
                    + " (CUSTODIAN_OIDC_ISSUER, CUSTODIAN_OIDC_CLIENT_ID, CUSTODIAN_OIDC_CLIENT_SECRET)",
                    request.requestId());
        }
        try {
            int ended = singleSignOn.backChannelLogout(logoutToken, request.requestId(), request.clientAddress());
            return Response.ok().header("Cache-Control", "no-store").header("X-Sessions-Ended", ended).build();
        } catch (TokenRejectedException rejected) {
            return Response.fromResponse(Problems.response(400, "invalid-logout-token", "Invalid logout token",
                    rejected.getMessage(), request.requestId())).header("Cache-Control", "no-store").build();
        } catch (IdentityProviderUnavailableException unavailable) {
            return Response.fromResponse(Problems.response(503, "identity-provider-unavailable",
                    "Identity provider unavailable", unavailable.getMessage(), request.requestId()))
                    .header("Retry-After", 30).build();
        }
    }

    /** The first value of a field of an application/x-www-form-urlencoded body; null when it is not there. */
    static String formValue(String body, String name) {
        if (body == null) {
            return null;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
