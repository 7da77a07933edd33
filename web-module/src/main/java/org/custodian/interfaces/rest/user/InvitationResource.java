package org.custodian.interfaces.rest.user;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.custodian.application.user.InvitationService;
import org.custodian.interfaces.rest.shared.BodyLimit;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.custodian.interfaces.rest.shared.PublicEndpoint;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The holder of an invitation link sets their password; the link is the credential, so no token is needed. */
@Path("invitations/accept")
@RequestScoped
@PublicEndpoint
@BodyLimit(kib = 8)
public class InvitationResource {

    @EJB
    InvitationService invitations;

    @Inject
    CurrentCaller request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept an invitation: {\"token\": \"...\", \"password\": \"...\"} (12-1024 characters);"
            + " 410 when the link was used, replaced or expired. secondFactorRequired: sign in to the portal to enroll"
            + " the second factor the roles need")
    public Map<String, Object> accept(byte[] body) {
        String[] fields = new String[2];
        JsonBody.read(body, Set.of("token", "password"), json -> {
            fields[0] = json.text("token");
            fields[1] = json.text("password");
            return fields;
        });
        InvitationService.AcceptedInvitation accepted = invitations.accept(fields[0], fields[1], request.requestId(),
                request.clientAddress());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("username", accepted.username());
        answer.put("passwordSet", true);
        answer.put("secondFactorRequired", accepted.secondFactorRequired());
        return answer;
    }
}
