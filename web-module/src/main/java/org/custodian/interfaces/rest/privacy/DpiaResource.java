package org.custodian.interfaces.rest.privacy;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.custodian.application.privacy.DpiaService;
import org.custodian.application.privacy.DpiaService.DpiaInput;
import org.custodian.application.privacy.DpiaService.DpiaView;
import org.custodian.application.privacy.DpiaService.RiskInput;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.IfMatch;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.custodian.interfaces.rest.shared.Versioned;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Stored DPIAs (Art. 35, #25): versioned, signed off by a second privacy officer, linked from the records. */
@Path("privacy/dpias")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class DpiaResource {

    private static final Set<String> FIELDS = Set.of("title", "processing", "purposes", "risks", "residualRisk",
            "residualReason", "reviewDate", "reason");
    private static final Set<String> RISK_FIELDS = Set.of("description", "likelihood", "severity", "measures");
    private static final Set<String> SIGN_OFF_FIELDS = Set.of("version", "note");

    @EJB
    DpiaService dpias;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The current version of every DPIA, soonest review first (privacy officer, auditor)")
    public List<DpiaView> list() {
        return dpias.list(caller.get());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write a DPIA (privacy officer): {title, processing, purposes [names from the records of"
            + " processing], risks [{description, likelihood, severity LOW|MEDIUM|HIGH, measures}], residualRisk,"
            + " residualReason, reviewDate YYYY-MM-DD, reason}; version 1, a draft until signed off")
    public Response create(byte[] body, @Context UriInfo uri) {
        DpiaView created = dpias.create(caller.get(), input(body));
        return Versioned.created(uri, created.id(), created, created.version());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "The current version of a DPIA (ETag: its version)")
    public Response get(@PathParam("id") long id) {
        DpiaView view = dpias.get(caller.get(), id);
        return Versioned.ok(view, view.version());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A new version of a DPIA (the whole content again); a draft until signed off; If-Match"
            + " optional (412 when stale)")
    public Response revise(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        DpiaView revised = dpias.revise(caller.get(), id, input(body), IfMatch.expectedVersion(ifMatch, "DPIA"));
        return Versioned.ok(revised, revised.version());
    }

    @GET
    @Path("{id}/versions")
    @Operation(summary = "Every version of a DPIA, oldest first")
    public List<DpiaView> versions(@PathParam("id") long id) {
        return dpias.versions(caller.get(), id);
    }

    @GET
    @Path("{id}/versions/{version}")
    @Operation(summary = "One version of a DPIA")
    public DpiaView version(@PathParam("id") long id, @PathParam("version") long version) {
        return dpias.version(caller.get(), id, version);
    }

    @POST
    @Path("{id}/sign-off")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign off the current version (privacy officer other than its writer): {version, note?};"
            + " 409 when it is not the current version or signed off already, 403 for its writer")
    public DpiaView signOff(@PathParam("id") long id, byte[] body) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.of(body, SIGN_OFF_FIELDS, check);
        Long version = json.wholeNumber("version");
        String note = json.text("note");
        check.throwIfAny();
        return dpias.signOff(caller.get(), id, version, note);
    }

    private static DpiaInput input(byte[] body) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.of(body, FIELDS, check);
        List<RiskInput> risks = null;
        JsonValue given = json.fields().get("risks");
        if (given instanceof JsonArray array) {
            risks = new ArrayList<>();
            for (int at = 0; at < array.size(); at++) {
                risks.add(risk(array.get(at), "risks[" + at + "]", check));
            }
        } else if (given != null && given.getValueType() != JsonValue.ValueType.NULL) {
            check.require(false, "risks", "must be an array of {description, likelihood, severity, measures}");
        }
        DpiaInput input = new DpiaInput(json.text("title"), json.text("processing"), json.textList("purposes"),
                risks, json.text("residualRisk"), json.text("residualReason"), json.text("reviewDate"),
                json.text("reason"));
        check.throwIfAny();
        return input;
    }

    private static RiskInput risk(JsonValue value, String field, RuleCheck check) {
        if (!(value instanceof JsonObject object)) {
            check.require(false, field, "must be an object {description, likelihood, severity, measures}");
            return new RiskInput(null, null, null, null);
        }
        for (String name : object.keySet()) {
            check.require(RISK_FIELDS.contains(name), field + "." + name, "is not a field of a risk; known fields: "
                    + RISK_FIELDS);
        }
        return new RiskInput(text(object, "description", field, check), text(object, "likelihood", field, check),
                text(object, "severity", field, check), text(object, "measures", field, check));
    }

    private static String text(JsonObject object, String name, String field, RuleCheck check) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        check.require(false, field + "." + name, "must be a JSON string");
        return null;
    }
}
