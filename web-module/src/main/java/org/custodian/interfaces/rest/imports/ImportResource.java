package org.custodian.interfaces.rest.imports;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodian.application.imports.ImportRequest;
import org.custodian.application.imports.ImportService;
import org.custodian.application.imports.ImportView;
import org.custodian.application.job.JobService;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.BodyLimit;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class ImportResource {

    @EJB
    ImportService imports;

    @EJB
    JobService jobs;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes({"text/csv", "application/x-ndjson", "application/jsonl"})
    @BodyLimit(kib = 64 * 1024)
    @Operation(summary = "Import another help desk's export (CSV or JSON lines, UTF-8) as customers, tickets and"
            + " comments; dryRun=true only checks it and returns the report (row, field, problem)")
    public Response upload(@QueryParam("source") String source, @QueryParam("dryRun") String dryRun,
            @QueryParam("mapping") String mapping, @QueryParam("region") String region,
            @QueryParam("category") String category, @HeaderParam("Content-Type") String contentType, byte[] body,
            @Context UriInfo uri) {
        RuleCheck check = new RuleCheck();
        check.require(dryRun == null || dryRun.matches("true|false"), "dryRun", "must be true or false");
        String content = utf8(body, check);
        check.throwIfAny();
        ImportRequest request = new ImportRequest(source, contentType, mapping, region, category, content);
        if ("true".equals(dryRun)) {
            return Response.ok(imports.dryRun(caller.get(), request)).build();
        }
        JobService.StartedImport started = jobs.startImport(caller.get(), request);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("id", started.importId());
        reply.put("status", "RUNNING");
        reply.put("execution", started.execution());
        return Response.accepted(reply)
                .location(uri.getBaseUriBuilder().path("imports/{id}").build(started.importId())).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An import's progress and result: rows created, unchanged, rejected (with the report of"
            + " the rejected rows: row, field, problem)")
    public ImportView get(@PathParam("id") long id) {
        return imports.view(caller.get(), id);
    }

    /** The body as UTF-8 text (a byte order mark is dropped by the reader); anything else is a 422. */
    private static String utf8(byte[] body, RuleCheck check) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body == null
                            ? new byte[0] : body)).toString();
        } catch (CharacterCodingException e) {
            check.require(false, "body", "must be UTF-8 text; export the file as UTF-8");
            return null;
        }
    }
}
