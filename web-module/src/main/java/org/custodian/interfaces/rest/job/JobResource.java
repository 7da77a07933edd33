package org.custodian.interfaces.rest.job;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodian.application.job.JobExecutionView;
import org.custodian.application.job.JobService;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class JobResource {

    @EJB
    JobService jobs;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("{jobName}")
    @Operation(summary = "Start a batch job; an optional JSON body holds its parameters, e.g. {\"itemCount\": 500}")
    public Response start(@PathParam("jobName") String jobName, String body, @Context UriInfo uri) {
        JobExecutionView started = jobs.start(caller.get(), jobName, parameters(body));
        return Response.accepted(started)
                .location(uri.getBaseUriBuilder().path("jobs/executions/{id}").build(started.executionId()))
                .build();
    }

    @GET
    @Path("executions/{id}")
    public JobExecutionView execution(@PathParam("id") long id) {
        return jobs.execution(caller.get(), id);
    }

    /** No body, or a JSON object of parameters (a malformed one is a 400 via the problem mapper). */
    private static Map<String, String> parameters(String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return parameters;
        }
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            object = reader.readObject();
        }
        RuleCheck check = new RuleCheck();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            JsonValue value = entry.getValue();
            if (value instanceof JsonString text) {
                parameters.put(entry.getKey(), text.getString());
            } else if (value instanceof JsonNumber number) {
                parameters.put(entry.getKey(), number.toString());
            } else {
                check.require(false, entry.getKey(), "must be a string or a number");
            }
        }
        check.throwIfAny();
        return parameters;
    }
}
