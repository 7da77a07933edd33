package org.custodian.interfaces.rest.job;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
    @Path("{jobName: [a-z][a-z0-9-]{0,63}}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a batch job; the body (optional) holds its parameters, e.g. {\"itemCount\": 500}")
    public Response start(@PathParam("jobName") String jobName, JsonObject body, @Context UriInfo uri) {
        JobExecutionView started = jobs.start(caller.get(), jobName, parameters(body));
        return Response.accepted(started)
                .location(uri.getBaseUriBuilder().path("jobs/executions/{id}").build(started.executionId()))
                .build();
    }

    @POST
    @Path("{jobName: [a-z][a-z0-9-]{0,63}}")
    public Response startWithoutBody(@PathParam("jobName") String jobName, @Context UriInfo uri) {
        return start(jobName, null, uri);
    }

    @GET
    @Path("executions/{id: [0-9]{1,18}}")
    public JobExecutionView execution(@PathParam("id") long id) {
        return jobs.execution(caller.get(), id);
    }

    private static Map<String, String> parameters(JsonObject body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (body == null) {
            return parameters;
        }
        RuleCheck check = new RuleCheck();
        for (Map.Entry<String, JsonValue> entry : body.entrySet()) {
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
