package org.custodian.interfaces.rest.mail;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.custodian.application.mail.HeldMailService;
import org.custodian.application.mail.HeldMailView;
import org.custodian.application.mail.MailIntakeService;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Mail whose sender the receiving server did not authenticate (SPF/DKIM/DMARC) is held before it touches a
 * customer's ticket; agents of the mailbox's region accept or discard it (MAIL_HELD_MANAGE).
 */
@Path("mail/held")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class HeldMailResource {

    @EJB
    HeldMailService held;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The held mail of your regions' mailboxes, oldest first (MAIL_HELD_MANAGE)")
    public List<HeldMailView> list() {
        return held.list(caller.get());
    }

    @POST
    @Path("{id}/accept")
    @Operation(summary = "Accept a held mail: it opens or joins its ticket as an authenticated mail would")
    public Map<String, Object> accept(@PathParam("id") long id) {
        MailIntakeService.Outcome outcome = held.accept(caller.get(), id);
        return Map.of("id", id, "outcome", outcome.name());
    }

    @POST
    @Path("{id}/discard")
    @Operation(summary = "Discard a held mail (its text is removed; the record and the audit events stay)")
    public Response discard(@PathParam("id") long id) {
        held.discard(caller.get(), id);
        return Response.noContent().build();
    }
}
