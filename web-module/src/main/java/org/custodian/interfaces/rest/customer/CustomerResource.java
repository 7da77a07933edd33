package org.custodian.interfaces.rest.customer;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.application.customer.CustomerChanges;
import org.custodian.application.customer.CustomerDirectoryService;
import org.custodian.application.customer.CustomerQuery;
import org.custodian.application.customer.CustomerRevision;
import org.custodian.application.customer.CustomerService;
import org.custodian.application.customer.CustomerView;
import org.custodian.application.customer.NewCustomer;
import org.custodian.application.customer.Registration;
import org.custodian.application.shared.PageResult;
import org.custodian.application.ticket.CustomerTicketService;
import org.custodian.application.ticket.TicketView;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.application.privacy.ConsentService;
import org.custodian.application.privacy.ConsentService.ConsentState;
import org.custodian.application.privacy.ConsentService.ConsentView;
import org.custodian.application.privacy.ConsentService.NewConsent;
import org.custodian.interfaces.rest.shared.MergePatch;
import org.custodian.interfaces.rest.shared.Paging;
import org.custodian.interfaces.rest.shared.Created;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.IfMatch;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.custodian.interfaces.rest.reveal.RevealBody;
import org.custodian.application.reveal.RevealService;
import org.custodian.application.reveal.RevealView;
import org.custodian.interfaces.rest.shared.Problems;
import org.custodian.interfaces.rest.shared.RequestCoordinates;
import org.custodian.interfaces.rest.shared.Versioned;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class CustomerResource {

    private static final Set<String> FIELDS = Set.of("externalId", "name", "email", "phone", "nationalId", "region",
            "allowDuplicate");

    public static final String MERGE_PATCH = "application/merge-patch+json";

    private static final Set<String> CONSENT_FIELDS = Set.of("purpose", "given", "source", "textVersion");

    @EJB
    CustomerService customers;

    @EJB
    ConsentService consents;

    @EJB
    RevealService reveals;

    @EJB
    CustomerDirectoryService directory;

    @EJB
    CustomerTicketService customerTickets;

    @Inject
    RequestCoordinates coordinates;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a customer; one with the same e-mail or phone among those you may look up is"
            + " answered 409 naming the existing records (nothing is created): send allowDuplicate true to create anyway")
    public Response register(byte[] body, @Context UriInfo uri) {
        boolean[] allowDuplicate = new boolean[1];
        NewCustomer customer = JsonBody.read(body, FIELDS, json -> {
            allowDuplicate[0] = Boolean.TRUE.equals(json.bool("allowDuplicate"));
            return new NewCustomer(json.text("externalId"), json.text("name"), json.text("email"),
                    json.text("phone"), json.text("nationalId"), json.text("region"));
        });
        Registration registration = directory.register(caller.get(), customer, allowDuplicate[0]);
        if (registration.isDuplicate()) {
            return duplicate(registration, uri, "nothing was created. Use the existing record, or send the request"
                    + " again with \"allowDuplicate\": true to create another");
        }
        CustomerView created = registration.created();
        return Created.at(uri, created.id(), created.body()).tag(etag(created)).build();
    }

    @GET
    @Operation(summary = "The customer directory: q matches a name, e-mail address or phone number as you see each"
            + " field (a fragment of one shown in full, only the whole value of a masked one, never a hidden one);"
            + " region narrows to one region; page counts from 0, size 1-100")
    public PageResult<Map<String, Object>> search(@QueryParam("q") String q, @QueryParam("region") String region,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        RuleCheck check = new RuleCheck();
        Paging paging = Paging.of(page, size, 20, check);
        check.throwIfAny();
        PageResult<CustomerView> found = directory.search(caller.get(),
                new CustomerQuery(q, region, paging.page(), paging.size()));
        return Paging.shown(found, CustomerView::body);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a customer as the policy shows them; the ETag carries the version for If-Match")
    public Response get(@PathParam("id") long id) {
        CustomerView customer = customers.get(caller.get(), id);
        return Response.ok(customer.body()).tag(etag(customer)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change name, email, phone or nationalId (JSON merge patch; null clears an optional field);"
            + " If-Match with the ETag refuses a change made from a stale read (412); a new e-mail or phone that"
            + " another customer you may look up has is answered 409 naming them (nothing changed): add"
            + " ?allowDuplicate=true to change anyway")
    public Response revise(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("allowDuplicate") String allowDuplicate, @Context UriInfo uri, byte[] body) {
        RuleCheck check = new RuleCheck();
        check.require(allowDuplicate == null || "true".equals(allowDuplicate) || "false".equals(allowDuplicate),
                "allowDuplicate", "must be true or false");
        check.throwIfAny();
        CustomerChanges changes = toChanges(JsonBody.parseObject(body));
        CustomerRevision revision = directory.revise(caller.get(), id, changes,
                IfMatch.expectedVersion(ifMatch, "customer"), "true".equals(allowDuplicate));
        if (revision.isDuplicate()) {
            return duplicate(new Registration(null, revision.duplicates()), uri, "nothing was changed. Check"
                    + " the existing record (merge the two if they are the same person), or send the change again"
                    + " with ?allowDuplicate=true");
        }
        CustomerView customer = revision.revised();
        return Response.ok(customer.body()).tag(etag(customer)).build();
    }

    @GET
    @Path("{id}/tickets")
    @Operation(summary = "The customer's tickets you may see, newest first (at most 50), as the policy shows them")
    public PageResult<Map<String, Object>> tickets(@PathParam("id") long id) {
        PageResult<TicketView> found = customerTickets.ticketsOf(caller.get(), id);
        return Paging.shown(found, TicketView::body);
    }

    @POST
    @Path("{id}/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record what the customer said about a purpose: {purpose CHAT_TRANSCRIPT_STORAGE|QA_REVIEW|"
            + "AI_ROUTING, given true|false, source, textVersion}; withdrawing CHAT_TRANSCRIPT_STORAGE starts the"
            + " transcript-removal job for this customer")
    public Response consent(@PathParam("id") long id, byte[] body, @Context UriInfo uri) {
        NewConsent consent = JsonBody.read(body, CONSENT_FIELDS,
                json -> new NewConsent(json.text("purpose"), json.bool("given"), json.text("source"),
                        json.text("textVersion")));
        ConsentView recorded = consents.record(caller.get(), id, consent);
        return Response.created(uri.getAbsolutePath()).entity(recorded).build();
    }

    @GET
    @Path("{id}/consents")
    @Operation(summary = "The customer's consent in force per purpose and the full history, newest first")
    public ConsentState consents(@PathParam("id") long id) {
        return consents.state(caller.get(), id);
    }

    @POST
    @Path("{id}/reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = RevealBody.SUMMARY)
    public RevealView reveal(@PathParam("id") long id, byte[] body) {
        return reveals.revealOnCustomer(caller.get(), id, RevealBody.read(body));
    }

    /** 409 problem+json naming the existing customers (their id, link and fields as the policy shows them). */
    private Response duplicate(Registration registration, UriInfo uri, String whatNow) {
        List<Map<String, Object>> existing = new ArrayList<>();
        for (Registration.Duplicate duplicate : registration.duplicates()) {
            Map<String, Object> one = new LinkedHashMap<>(duplicate.shown());
            one.put("id", duplicate.id());
            one.put("href", uri.getBaseUriBuilder().path("customers").path(String.valueOf(duplicate.id())).build()
                    .toString());
            one.put("matched", duplicate.matched());
            existing.add(one);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://custodian.example/problems/duplicate-customer");
        problem.put("title", "Possible duplicate");
        problem.put("status", 409);
        problem.put("detail", "a customer with the same " + String.join(" and ",
                new HashSet<>(registration.duplicates().stream().flatMap(d -> d.matched().stream()).toList()))
                + " already exists (customer " + registration.duplicates().get(0).id() + "); " + whatNow);
        problem.put("requestId", coordinates.requestId());
        problem.put("existingCustomerId", registration.duplicates().get(0).id());
        problem.put("existing", existing);
        return Response.status(409).type(Problems.PROBLEM_JSON).entity(problem).build();
    }

    private static EntityTag etag(CustomerView customer) {
        Object version = customer.body().get("version");
        return Versioned.etag(version == null ? 0 : version);
    }


    /** Merge-patch values are strings or null; anything else is named as a bad field. */
    static CustomerChanges toChanges(JsonObject patch) {
        return new CustomerChanges(MergePatch.stringValues(patch,
                "name at least one field to change: " + CustomerChanges.PATCHABLE));
    }
}
