package org.custodian.interfaces.rest.customer;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.custodian.application.customer.CustomerMergeService;
import org.custodian.application.customer.CustomerMergeService.MergeView;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Merging a duplicate record into a customer (a resource of its own, so the customer resource stays small). */
@Path("customers/{id}/merge")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class CustomerMergeResource {

    private static final Set<String> FIELDS = Set.of("duplicateId", "reason");

    @EJB
    CustomerMergeService merges;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Merge a duplicate record of the same person into this customer: {duplicateId, reason}."
            + " Tickets, comments, consents, subject requests and legal holds move here; the most protective consent"
            + " per purpose is kept; the duplicate becomes a tombstone whose GET answers mergedInto. SUPERVISOR,"
            + " PRIVACY_OFFICER in both records' regions; 409 for a tombstone, an erased record or an open erasure")
    public MergeView merge(@PathParam("id") long id, byte[] body) {
        MergeInput input = JsonBody.read(body, FIELDS, json -> new MergeInput(json.wholeNumber("duplicateId"),
                json.text("reason")));
        return merges.merge(caller.get(), id, input.duplicateId(), input.reason());
    }

    private record MergeInput(Long duplicateId, String reason) {
    }
}
