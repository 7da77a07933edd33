package org.custodian.interfaces.rest.review;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.custodian.application.review.DormantAccountService;
import org.custodian.application.review.ReviewViews.DormantReport;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("reports/dormant-accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class DormantAccountResource {

    @EJB
    DormantAccountService dormant;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Enabled accounts without a completed sign-in for ?days= (1-3650, default 90), never"
            + " signed in since created that long ago, and contractors whose grants all ended")
    public DormantReport report(@QueryParam("days") String days) {
        // not a number: the service answers 422 naming days (after the permission check), never 404
        Integer parsed = days == null ? null : days.matches("[0-9]{1,5}") ? Integer.valueOf(days) : -1;
        return dormant.report(caller.get(), parsed);
    }
}
