package org.custodian.interfaces.rest.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.custodian.application.auth.TokenVerificationKeys;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.interfaces.rest.shared.PublicEndpoint;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("auth/jwks")
@RequestScoped
@PublicEndpoint
public class KeySetResource {

    static final String JWK_SET = "application/jwk-set+json";

    @Inject
    TokenVerificationKeys keys;

    @GET
    @Produces({JWK_SET, "application/json"})
    @Operation(summary = "The public keys tokens of this server verify with (RFC 7517 JWK set; current key first, then"
            + " the previous ones still accepted after a rotation); each 'kid' is the key's RFC 7638 thumbprint")
    @APIResponse(responseCode = "200", description = "the JWK set")
    @APIResponse(responseCode = "404", description = "no verification keys are configured")
    public Response keys() {
        CacheControl fiveMinutes = new CacheControl();
        fiveMinutes.setMaxAge(300);
        return Response.ok(keys.jwks().orElseThrow(() -> new ResourceNotFoundException("key set",
                "local (no verification keys configured)")).toString())
                .cacheControl(fiveMinutes).build();
    }
}
