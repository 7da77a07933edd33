package org.custodian.interfaces.rest.audit;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.custodian.application.audit.AuditService;
import org.custodian.application.audit.AuditVerification;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class AuditResource {

    @EJB
    AuditService audit;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("verify")
    @Operation(summary = "Recompute the hash chain: {status: OK, events} or {status: BROKEN, firstBadSequence}")
    public AuditVerification verify() {
        return audit.verify(caller.get());
    }
}
