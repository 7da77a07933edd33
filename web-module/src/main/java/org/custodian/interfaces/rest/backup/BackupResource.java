package org.custodian.interfaces.rest.backup;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.application.backup.BackupCatalog;
import org.custodian.application.backup.BackupSetView;
import org.custodian.application.backup.BackupVerificationView;
import org.custodian.application.backup.RestoreRunView;
import org.custodian.application.job.BatchJob;
import org.custodian.application.job.JobExecutionView;
import org.custodian.application.job.JobService;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.job.JobResource;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("backups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class BackupResource {

    @EJB
    BackupCatalog catalog;

    @EJB
    JobService jobs;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The backup catalog, newest first: sets with type, base, times, size, rows, region,"
            + " status, verification and the legal holds pinning them")
    public List<BackupSetView> list() {
        return catalog.list(caller.get());
    }

    @GET
    @Path("signing-key")
    @Produces("application/pgp-keys")
    @Operation(summary = "The OpenPGP public key that signs backup manifests and checksum lists (gpg --import it"
            + " once, pin its fingerprint, then gpg --verify SHA256SUMS.asc SHA256SUMS; docs/backup-format.md)")
    public String signingKey() {
        return catalog.signingKey(caller.get());
    }

    @GET
    @Path("drills")
    @Operation(summary = "Restore and drill reports, newest first: chain, point in time reached, RTO, RPO, rows and"
            + " every check with its result")
    public List<RestoreRunView> drills() {
        return catalog.restores(caller.get());
    }

    @POST
    @Path("restores")
    @Operation(summary = "Restore a chain into the isolated restore schema (OPERATOR): {\"setId\": 51} or"
            + " {\"pointInTime\": \"2026-11-20T00:00:00Z\"} (the newest set at or before it), with a reason;"
            + " over live data only with \"mode\": \"LIVE\" and \"confirm\" set to the set's name (the audit"
            + " trail is kept, never rewound); 202 with the backup-restore execution")
    public Response restore(byte[] body, @Context UriInfo uri) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.of(body, Set.of("setId", "pointInTime", "target", "reason", "mode", "confirm"),
                check);
        Map<String, String> parameters = new LinkedHashMap<>();
        Long setId = json.wholeNumber("setId");
        if (setId != null) {
            parameters.put("setId", String.valueOf(setId));
        }
        for (String field : List.of("pointInTime", "target", "reason", "mode", "confirm")) {
            String value = json.text(field);
            if (value != null) {
                parameters.put(field, value);
            }
        }
        check.require(json.has("reason"), "reason", "is required: why this restore is made");
        check.throwIfAny();
        JobExecutionView started = jobs.start(caller.get(), BatchJob.BACKUP_RESTORE.jobName(), parameters);
        return JobResource.accepted(started, uri);
    }

    @GET
    @Path("{id}")
    public BackupSetView find(@PathParam("id") long id) {
        return catalog.find(caller.get(), id);
    }

    @POST
    @Path("{id}/verify")
    @Operation(summary = "Check a set's files against its signed manifest (and decrypt them when this server has a"
            + " decryption key); every problem names its file")
    public BackupVerificationView verify(@PathParam("id") long id) {
        return catalog.verify(caller.get(), id);
    }

    @POST
    @Operation(summary = "Take a backup now (OPERATOR), e.g. before a change: {\"type\": \"FULL\","
            + " \"reason\": \"before upgrade\", \"target\": \"primary\"}; 202 with the backup-export execution")
    public Response request(byte[] body, @Context UriInfo uri) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.of(body, Set.of("type", "reason", "target"), check);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String field : List.of("type", "reason", "target")) {
            String value = json.text(field);
            if (value != null) {
                parameters.put(field, value);
            }
        }
        check.require(json.has("type"), "type", "is required: FULL or INCREMENTAL")
                .require(json.has("reason"), "reason", "is required: why this backup is taken now");
        check.throwIfAny();
        JobExecutionView started = jobs.start(caller.get(), BatchJob.BACKUP_EXPORT.jobName(), parameters);
        return JobResource.accepted(started, uri);
    }
}
