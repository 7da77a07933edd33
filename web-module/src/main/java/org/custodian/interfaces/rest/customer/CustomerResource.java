package org.custodian.interfaces.rest.customer;

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
import java.util.Map;
import java.util.Set;
import org.custodian.application.customer.CustomerService;
import org.custodian.application.customer.CustomerView;
import org.custodian.application.customer.NewCustomer;
import org.custodian.application.privacy.ConsentService;
import org.custodian.application.privacy.ConsentService.ConsentState;
import org.custodian.application.privacy.ConsentService.ConsentView;
import org.custodian.application.privacy.ConsentService.NewConsent;
import org.custodian.interfaces.rest.shared.Created;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.custodian.interfaces.rest.reveal.RevealBody;
import org.custodian.application.reveal.RevealService;
import org.custodian.application.reveal.RevealView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class CustomerResource {

    private static final Set<String> FIELDS = Set.of("externalId", "name", "email", "phone", "nationalId", "region");

    private static final Set<String> CONSENT_FIELDS = Set.of("purpose", "given", "source", "textVersion");

    @EJB
    CustomerService customers;

    @EJB
    ConsentService consents;

    @EJB
    RevealService reveals;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(byte[] body, @Context UriInfo uri) {
        NewCustomer customer = JsonBody.read(body, FIELDS,
                json -> new NewCustomer(json.text("externalId"), json.text("name"), json.text("email"),
                        json.text("phone"), json.text("nationalId"), json.text("region")));
        CustomerView created = customers.register(caller.get(), customer);
        return Created.at(uri, created.id(), created.body()).build();
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") long id) {
        return customers.get(caller.get(), id).body();
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
}
