package org.custodian.interfaces.rest.privacy;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.file.Files;
import org.custodian.application.privacy.SubjectPackageService;
import org.custodian.application.privacy.SubjectPackageService.Download;
import org.custodian.interfaces.rest.shared.PublicEndpoint;
import org.custodian.interfaces.rest.shared.RequestCoordinates;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The subject's download of their package. The subject has no account: the unguessable token in the link is the
 * credential (32 random bytes; only its SHA-256 is stored), it expires, and every use is audited.
 */
@Path("privacy/packages")
@RequestScoped
@PublicEndpoint
public class SubjectPackageResource {

    @EJB
    SubjectPackageService packages;

    @Inject
    RequestCoordinates coordinates;

    @GET
    @Path("{token}")
    @Produces({"application/zip", "application/problem+json"})
    @Operation(summary = "Download a subject access package (the link the privacy officer gave the subject); 404"
            + " unknown link, 409 not ready, 410 expired")
    public Response download(@PathParam("token") String token) {
        Download download = packages.download(token, coordinates.clientAddress());
        StreamingOutput body = output -> Files.copy(download.file(), output);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                .header("Content-Length", download.size())
                .header("Cache-Control", "no-store")
                .build();
    }
}
