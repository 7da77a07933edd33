package org.custodian.interfaces.rest.retention;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.custodian.application.retention.RetentionService;
import org.custodian.application.retention.RetentionService.PolicyInput;
import org.custodian.application.retention.RetentionService.PolicyView;
import org.custodian.application.retention.RetentionService.Preview;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.IfMatch;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.custodian.interfaces.rest.shared.Versioned;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("retention")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class RetentionResource {

    private static final Set<String> POLICY_FIELDS =
            Set.of("name", "categories", "regions", "clock", "days", "action", "active", "reason");

    @EJB
    RetentionService retention;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("policies")
    @Operation(summary = "Retention policies (privacy officer, auditor, operator)")
    public List<PolicyView> policies() {
        return retention.policies(caller.get());
    }

    @POST
    @Path("policies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a policy (privacy officer): {name, categories?, regions?, clock AFTER_CLOSURE|"
            + "AFTER_LAST_ACTIVITY, days, action ANONYMIZE|DELETE, reason}")
    public Response createPolicy(byte[] body, @Context UriInfo uri) {
        PolicyView created = retention.createPolicy(caller.get(), policyInput(body));
        return Versioned.created(uri, created.id(), created, created.version());
    }

    @PUT
    @Path("policies/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a policy (a new version); active=false retires it; If-Match optional")
    public Response revisePolicy(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        PolicyView revised = retention.revisePolicy(caller.get(), id, policyInput(body),
                IfMatch.expectedVersion(ifMatch, "retention policy"));
        return Versioned.ok(revised, revised.version());
    }

    @GET
    @Path("preview")
    @Operation(summary = "Dry run: what a purge as of asOf (default now) would anonymize, delete or hold, and why")
    public Preview preview(@QueryParam("asOf") String asOf) {
        return retention.preview(caller.get(), asOf);
    }

    private static PolicyInput policyInput(byte[] body) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.of(body, POLICY_FIELDS, check);
        Integer days = json.intNumber("days", "must be between 1 and 36500");
        Boolean active = null;
        if (json.has("active")) {
            var value = json.fields().get("active");
            check.require(value == JsonValue.TRUE || value == JsonValue.FALSE, "active",
                    "must be true or false");
            active = value == JsonValue.TRUE;
        }
        PolicyInput input = new PolicyInput(json.text("name"), json.textList("categories"), json.textList("regions"),
                json.text("clock"), days, json.text("action"), active, json.text("reason"));
        check.throwIfAny();
        return input;
    }
}
