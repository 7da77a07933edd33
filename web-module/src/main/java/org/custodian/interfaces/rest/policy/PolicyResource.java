package org.custodian.interfaces.rest.policy;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.application.access.AccessService;
import org.custodian.application.access.Views.NewTransferRule;
import org.custodian.application.access.Views.TransferRuleView;
import org.custodian.application.policy.ClassificationView;
import org.custodian.application.policy.PolicyCatalogService;
import org.custodian.application.policy.PolicyChangeView;
import org.custodian.application.policy.VisibilityCellView;
import org.custodian.domain.model.policy.Classification;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.Created;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.IfMatch;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.custodian.interfaces.rest.shared.Versioned;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("policy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class PolicyResource {

    private static final Set<String> RECLASSIFY_FIELDS = Set.of("classification", "reason");
    private static final Set<String> VISIBILITY_FIELDS = Set.of("visibility", "reason");
    private static final Set<String> TRANSFER_FIELDS = Set.of("fromRegion", "toRegion", "basis", "reason");
    private static final int HISTORY_MAX = 500;

    @EJB
    PolicyCatalogService catalog;

    @EJB
    AccessService access;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("classifications")
    @Operation(summary = "Every classified field: entity.field, classification, mask style, version")
    public List<ClassificationView> classifications() {
        return catalog.classifications(caller.get());
    }

    @GET
    @Path("classifications/{field}")
    public Response classification(@PathParam("field") String field) {
        ClassificationView view = catalog.classification(caller.get(), field);
        return Versioned.ok(view, view.version());
    }

    @PUT
    @Path("classifications/{field}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reclassify a field (privacy officer): {classification, reason}; If-Match optional")
    public Response reclassify(@PathParam("field") String field, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.of(body, RECLASSIFY_FIELDS, check);
        String classification = json.text("classification");
        String reason = json.text("reason");
        check.throwIfAny();
        ClassificationView view = catalog.reclassify(caller.get(), field, classification, reason,
                IfMatch.expectedVersion(ifMatch, "classification"));
        return Versioned.ok(view, view.version());
    }

    @GET
    @Path("matrix")
    @Operation(summary = "The visibility matrix: roles x classifications -> FULL, REVEALABLE, MASKED or HIDDEN,"
            + " with versions")
    public Map<String, Object> matrix() {
        List<VisibilityCellView> cells = catalog.matrix(caller.get());
        Map<String, Map<Classification, String>> roles = new LinkedHashMap<>();
        for (VisibilityCellView cell : cells) {
            roles.computeIfAbsent(cell.role(), role -> new EnumMap<>(Classification.class))
                    .put(Classification.valueOf(cell.classification()), cell.visibility());
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("roles", roles);
        reply.put("cells", cells);
        return reply;
    }

    @PUT
    @Path("matrix/{role}/{classification}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change one cell of the matrix (privacy officer): {visibility, reason}; If-Match optional")
    public Response changeVisibility(@PathParam("role") String role,
            @PathParam("classification") String classification, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.of(body, VISIBILITY_FIELDS, check);
        String visibility = json.text("visibility");
        String reason = json.text("reason");
        check.throwIfAny();
        VisibilityCellView view = catalog.changeVisibility(caller.get(), role, classification, visibility, reason,
                IfMatch.expectedVersion(ifMatch, "matrix cell"));
        return Versioned.ok(view, view.version());
    }

    @GET
    @Path("history")
    @Operation(summary = "Changes to classifications and the matrix, newest first: who, when, old -> new, reason")
    public List<PolicyChangeView> history(@QueryParam("limit") String limit) {
        int max = 100;
        if (limit != null && !limit.isBlank()) {
            RuleCheck check = new RuleCheck();
            try {
                max = Integer.parseInt(limit.trim());
                check.require(max >= 1 && max <= HISTORY_MAX, "limit", "must be between 1 and " + HISTORY_MAX);
            } catch (NumberFormatException e) {
                check.require(false, "limit", "must be a whole number between 1 and " + HISTORY_MAX);
            }
            check.throwIfAny();
        }
        return catalog.history(caller.get(), max);
    }

    @GET
    @Path("transfers")
    @Operation(summary = "Transfer rules: which region may read which region's personal data, on what basis")
    public List<TransferRuleView> transferRules() {
        return access.transferRules(caller.get());
    }

    @POST
    @Path("transfers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a transfer rule (privacy officer): {fromRegion, toRegion, basis, reason}")
    public Response createTransferRule(byte[] body, @Context UriInfo uri) {
        NewTransferRule rule = JsonBody.read(body, TRANSFER_FIELDS,
                json -> new NewTransferRule(json.text("fromRegion"), json.text("toRegion"),
                        json.text("basis"), json.text("reason")));
        TransferRuleView created = access.createTransferRule(caller.get(), rule);
        return Created.at(uri, created.id(), created).build();
    }

    @DELETE
    @Path("transfers/{id}")
    @Operation(summary = "Revoke a transfer rule (privacy officer); it stays listed as revoked")
    public TransferRuleView revokeTransferRule(@PathParam("id") long id) {
        return access.revokeTransferRule(caller.get(), id);
    }
}
