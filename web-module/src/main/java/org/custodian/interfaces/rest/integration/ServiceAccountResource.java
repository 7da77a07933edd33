package org.custodian.interfaces.rest.integration;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.custodian.application.integration.ServiceAccountService;
import org.custodian.application.integration.ServiceAccountService.AccountView;
import org.custodian.application.integration.ServiceAccountService.CreatedKey;
import org.custodian.application.integration.ServiceAccountService.KeyView;
import org.custodian.application.integration.ServiceAccountService.NewAccount;
import org.custodian.application.integration.ServiceAccountService.NewKey;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.Created;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("service-accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class ServiceAccountResource {

    private static final Set<String> ACCOUNT_FIELDS =
            Set.of("name", "description", "scopes", "regions", "rateLimit", "expiresAt");
    private static final Set<String> KEY_FIELDS = Set.of("expiresAt", "rateLimit");
    private static final Set<String> REASON_FIELDS = Set.of("reason");

    @EJB
    ServiceAccountService accounts;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a service account (SERVICE_ACCOUNT_MANAGE): {name, description?, scopes, regions?,"
            + " rateLimit? (requests per window for its keys), expiresAt?}; it gets no key yet")
    public Response create(byte[] body, @Context UriInfo uri) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.of(body, ACCOUNT_FIELDS, check);
        NewAccount input = new NewAccount(json.text("name"), json.text("description"), json.textList("scopes"),
                json.textList("regions"), json.wholeNumber("rateLimit"), json.text("expiresAt"));
        check.throwIfAny();
        AccountView created = accounts.create(caller.get(), input);
        return Created.at(uri, created.name(), created).build();
    }

    @GET
    @Operation(summary = "Service accounts with their keys (never a secret)")
    public List<AccountView> list() {
        return accounts.list(caller.get());
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One service account with its keys (never a secret)")
    public AccountView get(@PathParam("name") String name) {
        return accounts.get(caller.get(), name);
    }

    @POST
    @Path("{name}/keys")
    @Operation(summary = "Make a key: {expiresAt?, rateLimit?}; the answer holds the secret this once. At most two"
            + " live keys: make the new one, change the integration over, revoke the old one")
    public Response createKey(@PathParam("name") String name, byte[] body, @Context UriInfo uri) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.optional(body, KEY_FIELDS, check);
        NewKey input = new NewKey(json.text("expiresAt"), json.wholeNumber("rateLimit"));
        check.throwIfAny();
        CreatedKey created = accounts.createKey(caller.get(), name, input);
        return Created.at(uri, created.keyId(), created).build();
    }

    @DELETE
    @Path("{name}/keys/{keyId}")
    @Operation(summary = "Revoke a key at once: its next request is refused (401)")
    public KeyView revoke(@PathParam("name") String name, @PathParam("keyId") String keyId,
            @QueryParam("reason") String reason) {
        return accounts.revokeKey(caller.get(), name, keyId, reason);
    }

    @POST
    @Path("{name}/keys/{keyId}/revoke")
    @Operation(summary = "Revoke a key at once: {reason?}")
    public KeyView revokeByPost(@PathParam("name") String name, @PathParam("keyId") String keyId, byte[] body) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.optional(body, REASON_FIELDS, check);
        check.throwIfAny();
        return accounts.revokeKey(caller.get(), name, keyId, json.text("reason"));
    }

    @POST
    @Path("{name}/disable")
    @Operation(summary = "Disable the account: {reason}; every key of it stops at its next request")
    public AccountView disable(@PathParam("name") String name, byte[] body) {
        return accounts.disable(caller.get(), name, JsonBody.read(body, REASON_FIELDS, json -> json.text("reason")));
    }
}
