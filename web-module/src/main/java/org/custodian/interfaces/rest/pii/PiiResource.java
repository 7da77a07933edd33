package org.custodian.interfaces.rest.pii;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.custodian.application.pii.PiiService;
import org.custodian.application.pii.ScanResult;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.custodian.interfaces.rest.shared.BodyLimit;
import org.custodian.interfaces.rest.shared.PayloadTooLargeException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("pii")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class PiiResource {

    /** Room for the JSON around a maximal text (quotes, escapes of a few characters). */
    private static final int MAX_BODY_BYTES = PiiService.MAX_SCAN_BYTES + 64 * 1024;

    @EJB
    PiiService pii;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("scan")
    @BodyLimit(kib = (PiiService.MAX_SCAN_BYTES + 64 * 1024) / 1024)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Find card numbers, US SSNs, IBANs, e-mail addresses, phone numbers and secrets in a text"
            + " (at most 1 MiB); offsets are UTF-16 code units, end exclusive. Nothing is stored.")
    public ScanReply scan(byte[] body) {
        if (body != null && body.length > MAX_BODY_BYTES) {
            throw new PayloadTooLargeException("the body is over " + MAX_BODY_BYTES + " bytes; send at most 1 MiB of text");
        }
        RuleCheck check = new RuleCheck();
        String text = JsonBody.of(body, Set.of("text"), check).text("text");
        check.require(text != null, "text", "is required: the text to scan, as a JSON string");
        check.throwIfAny();
        if (text.getBytes(StandardCharsets.UTF_8).length > PiiService.MAX_SCAN_BYTES) {
            throw new PayloadTooLargeException("the text is over 1 MiB (1,048,576 bytes of UTF-8); split it");
        }
        ScanResult result = pii.scan(caller.get(), text);
        return new ScanReply(result.findings().stream()
                .map(finding -> new ScanReply.Finding(finding.type().name(), finding.start(), finding.end()))
                .toList(), result.masked());
    }
}
