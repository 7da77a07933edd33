package org.custodian.interfaces.rest.audit;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.custodian.application.audit.proof.AuditProofService;
import org.custodian.application.audit.proof.AuditProofService.CheckpointView;
import org.custodian.application.audit.proof.AuditProofService.Checkpoints;
import org.custodian.application.audit.proof.AuditProofService.ConsistencyProof;
import org.custodian.application.audit.proof.AuditProofService.InclusionProof;
import org.custodian.application.audit.proof.AuditRetentionService;
import org.custodian.application.audit.proof.AuditRetentionService.PruneResult;
import org.custodian.application.audit.proof.AuditRetentionService.Retention;
import org.custodian.application.audit.proof.AuditVerification;
import org.custodian.application.audit.proof.AuditVerificationService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditDailyCount;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class AuditResource {

    public static final String JSON_LINES = "application/x-ndjson";

    @EJB
    AuditVerificationService verification;

    @EJB
    AuditProofService proofs;

    @EJB
    AuditRetentionService retention;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("verify")
    @Operation(summary = "Recompute the chain, the Merkle roots of all checkpoints and their signatures:"
            + " {status: OK, events, checkpoints} or {status: BROKEN, firstBadSequence, reason}")
    public AuditVerification verify() {
        return verification.verify(caller.get());
    }

    @GET
    @Path("checkpoints")
    @Operation(summary = "Signed checkpoints (tree size, root, chain hash, time), newest first, and the public key")
    public Checkpoints checkpoints(@QueryParam("limit") String limit) {
        return proofs.checkpoints(caller.get(), number(limit, "limit", 100L, 1, 10_000).intValue());
    }

    @POST
    @Path("checkpoints")
    @Operation(summary = "Sign a checkpoint of the trail as it is now (the latest one if nothing changed)")
    public CheckpointView checkpointNow() {
        return proofs.checkpointNow(caller.get());
    }

    @GET
    @Path("proofs/inclusion")
    @Operation(summary = "RFC 6962 audit path of one event in the tree of the first treeSize events")
    public InclusionProof inclusion(@QueryParam("sequence") String sequence, @QueryParam("treeSize") String treeSize) {
        long[] leafAndSize = requiredPair(sequence, "sequence", treeSize, "treeSize");
        return proofs.inclusionProof(caller.get(), leafAndSize[0], leafAndSize[1]);
    }

    @GET
    @Path("proofs/consistency")
    @Operation(summary = "RFC 6962 proof that the tree of `from` events is a prefix of the tree of `to` events")
    public ConsistencyProof consistency(@QueryParam("from") String from, @QueryParam("to") String to) {
        long[] fromAndTo = requiredPair(from, "from", to, "to");
        return proofs.consistencyProof(caller.get(), fromAndTo[0], fromAndTo[1]);
    }

    @GET
    @Path("export")
    @Produces(JSON_LINES)
    @Operation(summary = "Events from..to and their checkpoints as JSON lines, for offline verification"
            + " (format: docs/audit-format.md)")
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to) {
        Caller who = caller.get();
        Long first = number(from, "from", null, 1, Long.MAX_VALUE);
        Long last = number(to, "to", null, 1, Long.MAX_VALUE);
        // refusals and bad ranges are answered before the stream starts, as problems
        long[] range = proofs.exportRange(who, first, last);
        StreamingOutput body = output -> AuditExportStream.write(proofs, who, range[0], range[1], output);
        return Response.ok(body, JSON_LINES).header("Content-Disposition",
                "attachment; filename=\"" + AuditExportStream.fileName(range[0], range[1]) + "\"").build();
    }

    @POST
    @Path("prune")
    @Operation(summary = "Prune the trail (OPERATOR): events up to the newest signed checkpoint older than olderThan"
            + " (default and latest allowed: now minus custodian.audit.raw-retention), received by the SIEM and held"
            + " by a complete backup, are verified, summarized into daily counts and removed: {\"reason\": \"...\","
            + " \"olderThan\": \"2024-11-23T00:00:00Z\"}")
    public PruneResult prune(byte[] body) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.of(body, Set.of("reason", "olderThan"), check);
        String reason = json.text("reason");
        Instant olderThan = null;
        String olderThanText = json.text("olderThan");
        if (olderThanText != null) {
            try {
                olderThan = Instant.parse(olderThanText.trim());
            } catch (DateTimeParseException e) {
                check.require(false, "olderThan", "must be an ISO-8601 instant such as 2024-11-23T00:00:00Z");
            }
        }
        check.require(reason != null, "reason", "is required: why the trail is pruned now");
        check.throwIfAny();
        return retention.prune(caller.get(), olderThan, reason);
    }

    @GET
    @Path("retention")
    @Operation(summary = "How long raw events and daily counts are kept, and every pruning so far (where the trail"
            + " now starts, the Merkle root and chain hash kept there, who pruned and why)")
    public Retention retention() {
        return retention.retention(caller.get());
    }

    @GET
    @Path("daily-counts")
    @Operation(summary = "Daily counts of pruned events (UTC days from..to, ISO dates) by action, outcome, resource"
            + " type and roles")
    public List<AuditDailyCount> dailyCounts(@QueryParam("from") String from, @QueryParam("to") String to) {
        RuleCheck check = new RuleCheck();
        LocalDate first = date(from, "from", check);
        LocalDate last = date(to, "to", check);
        check.throwIfAny();
        return retention.dailyCounts(caller.get(), first, last);
    }

    private static LocalDate date(String text, String field, RuleCheck check) {
        if (text == null || text.isBlank()) {
            check.require(false, field, "is required: an ISO date such as 2024-11-23");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.trim());
            check.require(date.getYear() >= 1970 && date.getYear() <= 9999, field, "must be a year from 1970 to 9999");
            return date;
        } catch (DateTimeParseException e) {
            check.require(false, field, "must be an ISO date such as 2024-11-23");
            return null;
        }
    }

    /** A proof's two sizes: both required whole numbers, both reported when both are wrong. */
    private static long[] requiredPair(String first, String firstField, String second, String secondField) {
        RuleCheck check = new RuleCheck();
        Long one = required(first, firstField, check);
        Long two = required(second, secondField, check);
        check.throwIfAny();
        return new long[] {one, two};
    }

    private static Long required(String text, String field, RuleCheck check) {
        if (text == null || text.isBlank()) {
            check.require(false, field, "is required: a whole number");
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            check.require(false, field, "must be a whole number");
            return null;
        }
    }

    private static Long number(String text, String field, Long defaultValue, long min, long max) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        RuleCheck check = new RuleCheck();
        Long value = null;
        try {
            value = Long.parseLong(text.trim());
            check.require(value >= min && value <= max, field, "must be between " + min + " and " + max);
        } catch (NumberFormatException e) {
            check.require(false, field, "must be a whole number");
        }
        check.throwIfAny();
        return value;
    }
}
