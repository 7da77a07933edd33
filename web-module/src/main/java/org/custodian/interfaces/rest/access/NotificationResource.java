package org.custodian.interfaces.rest.access;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.custodian.application.access.AccessService;
import org.custodian.application.access.Views.NotificationView;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class NotificationResource {

    @EJB
    AccessService access;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Notifications for your roles, newest first (e.g. break-glass for privacy officers)")
    public List<NotificationView> notifications() {
        return access.notifications(caller.get());
    }
}
