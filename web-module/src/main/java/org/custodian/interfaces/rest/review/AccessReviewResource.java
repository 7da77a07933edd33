package org.custodian.interfaces.rest.review;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.custodian.application.review.AccessReviewService;
import org.custodian.application.review.ReviewViews.Decision;
import org.custodian.application.review.ReviewViews.ItemView;
import org.custodian.application.review.ReviewViews.NewReview;
import org.custodian.application.review.ReviewViews.ReviewDetail;
import org.custodian.application.review.ReviewViews.ReviewView;
import org.custodian.interfaces.rest.shared.Created;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("access-reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class AccessReviewResource {

    private static final Set<String> REVIEW_FIELDS = Set.of("title", "region", "role", "deadline", "reviewer",
            "policy");
    private static final Set<String> DECISION_FIELDS = Set.of("decision", "reason");

    @EJB
    AccessReviewService reviews;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a campaign (user administrator, privacy officer): {title?, region?, role?, deadline,"
            + " reviewer? (else a supervisor of the user's region, else the creator), policy? (revoke|escalate)}")
    public Response open(byte[] body, @Context UriInfo uri) {
        NewReview review = JsonBody.read(body, REVIEW_FIELDS, json -> new NewReview(json.text("title"),
                json.text("region"), json.text("role"), json.text("deadline"), json.text("reviewer"),
                json.text("policy")));
        ReviewDetail created = reviews.open(caller.get(), review);
        return Created.at(uri, created.review().id(), created).build();
    }

    @GET
    @Operation(summary = "Campaigns, newest first (auditor, user administrator, privacy officer; a reviewer sees"
            + " the campaigns they review items of)")
    public List<ReviewView> list() {
        return reviews.list(caller.get());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A campaign and its items with their state (a reviewer sees their own items)")
    public ReviewDetail get(@PathParam("id") long id) {
        return reviews.get(caller.get(), id);
    }

    @GET
    @Path("{id}/record")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The canonical record whose SHA-256 the outcome event in the audit trail carries")
    public Response record(@PathParam("id") long id) {
        return Response.ok(reviews.record(caller.get(), id), MediaType.TEXT_PLAIN + "; charset=UTF-8").build();
    }

    @POST
    @Path("{id}/items/{itemId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Keep or revoke one item (its reviewer; never one's own access): {decision: keep|revoke,"
            + " reason}; a revocation takes effect at once")
    public ItemView decide(@PathParam("id") long id, @PathParam("itemId") long itemId, byte[] body) {
        Decision decision = JsonBody.read(body, DECISION_FIELDS,
                json -> new Decision(json.text("decision"), json.text("reason")));
        return reviews.decide(caller.get(), id, itemId, decision);
    }

    @POST
    @Path("{id}/close")
    @Operation(summary = "Close the campaign: undecided items stay as they are (UNREVIEWED); the outcome with the"
            + " digest of the record goes into the audit trail")
    public ReviewView close(@PathParam("id") long id) {
        return reviews.close(caller.get(), id);
    }
}
