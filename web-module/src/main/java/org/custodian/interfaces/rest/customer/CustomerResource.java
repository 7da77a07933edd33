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
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class CustomerResource {

    private static final Set<String> FIELDS = Set.of("externalId", "name", "email", "phone", "nationalId", "region");

    @EJB
    CustomerService customers;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(byte[] body, @Context UriInfo uri) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.of(body, FIELDS, check);
        NewCustomer customer = new NewCustomer(json.text("externalId"), json.text("name"), json.text("email"),
                json.text("phone"), json.text("nationalId"), json.text("region"));
        check.throwIfAny();
        CustomerView created = customers.register(caller.get(), customer);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created.body()).build();
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") long id) {
        return customers.get(caller.get(), id).body();
    }
}
