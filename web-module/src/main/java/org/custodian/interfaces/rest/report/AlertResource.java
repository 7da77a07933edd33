package org.custodian.interfaces.rest.report;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.custodian.application.audit.anomaly.AnomalyService;
import org.custodian.application.audit.anomaly.AnomalyService.AlertView;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class AlertResource {

    @EJB
    AnomalyService anomalies;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Anomaly alerts, newest first: bulk reads, off-hours access, repeated denials")
    public List<AlertView> alerts() {
        return anomalies.alerts(caller.get());
    }
}
