package org.custodian.interfaces.rest.job;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.custodian.application.job.JobExecutionView;
import org.custodian.application.job.JobService;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
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
    public Response start(@PathParam("jobName") String jobName, byte[] body, @Context UriInfo uri) {
        JobExecutionView started = jobs.start(caller.get(), jobName, parameters(body));
        return accepted(started, uri);
    }

    @GET
    @Operation(summary = "The jobs that can be launched, each with the parameters it accepts")
    public SortedMap<String, List<String>> launchable() {
        return jobs.launchable(caller.get());
    }

    @GET
    @Path("executions")
    @Operation(summary = "The newest executions of every job, newest first (limit 1-200, default 50)")
    public List<JobExecutionView> executions(@QueryParam("limit") String limit) {
        int count = 50;
        if (limit != null) {
            RuleCheck check = new RuleCheck();
            check.require(limit.matches("[0-9]{1,3}") && Integer.parseInt(limit) >= 1
                    && Integer.parseInt(limit) <= 200, "limit", "must be a whole number from 1 to 200");
            check.throwIfAny();
            count = Integer.parseInt(limit);
        }
        return jobs.recentExecutions(caller.get(), count);
    }

    @GET
    @Path("executions/{id}")
    public JobExecutionView execution(@PathParam("id") long id) {
        return jobs.execution(caller.get(), id);
    }

    @POST
    @Path("executions/{id}/restart")
    @Operation(summary = "Restart a failed or stopped execution from its last checkpoint (same parameters)")
    public Response restart(@PathParam("id") long id, @Context UriInfo uri) {
        JobExecutionView restarted = jobs.restart(caller.get(), id);
        return accepted(restarted, uri);
    }

    @POST
    @Path("executions/{id}/stop")
    @Operation(summary = "Ask a running execution to stop at its next checkpoint")
    public JobExecutionView stop(@PathParam("id") long id) {
        return jobs.stop(caller.get(), id);
    }

    /** 202 with the execution and its Location, for every way a job is started. */
    public static Response accepted(JobExecutionView execution, UriInfo uri) {
        return Response.accepted(execution)
                .location(uri.getBaseUriBuilder().path("jobs/executions/{id}").build(execution.executionId()))
                .build();
    }

    /** No body, or a JSON object of parameters: strings or whole numbers. */
    private static Map<String, String> parameters(byte[] body) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.optional(body, null, check);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : json.fields().entrySet()) {
            JsonValue value = entry.getValue();
            if (value instanceof JsonString text) {
                parameters.put(entry.getKey(), text.getString());
            } else if (value instanceof JsonNumber number && number.isIntegral()) {
                parameters.put(entry.getKey(), number.bigIntegerValue().toString());
            } else if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                parameters.put(entry.getKey(), String.valueOf(value == JsonValue.TRUE));
            } else {
                check.require(false, entry.getKey(), "must be a string, a whole number or true/false");
            }
        }
        check.throwIfAny();
        return parameters;
    }
}
