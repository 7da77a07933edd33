package org.custodian.interfaces.rest.scim;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.custodian.application.scim.ScimEndpoint;
import org.custodian.application.scim.ScimException;
import org.custodian.application.scim.ScimJson;
import org.custodian.application.scim.ScimList;
import org.custodian.application.scim.ScimResource;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;

/**
 * The HTTP side of a SCIM resource type (RFC 7644 3.3-3.6): bodies in and out as {@code application/scim+json}
 * (plain {@code application/json} accepted), the resource's ETag as {@code ETag} and {@code meta.version},
 * {@code If-Match} passed to the service, {@code meta.location} from the request's base URL.
 */
public abstract class ScimResourceBase {

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    /** The service of the resource type, and its name in URLs ("Users", "Groups"). */
    protected abstract ScimEndpoint service();

    protected abstract String typePath();

    @GET
    @Produces({ScimErrors.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response list(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count, @QueryParam("excludedAttributes") String excluded) {
        ScimList page = service().list(caller.get(), filter, number(startIndex, "startIndex"), number(count, "count"));
        JsonArrayBuilder resources = Json.createArrayBuilder();
        page.resources().forEach(resource -> resources.add(located(resource, excluded)));
        JsonObject body = Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(ScimJson.LIST_SCHEMA))
                .add("totalResults", page.totalResults()).add("startIndex", page.startIndex())
                .add("itemsPerPage", page.resources().size()).add("Resources", resources).build();
        return Response.ok(body.toString(), ScimErrors.SCIM_JSON).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @QueryParam("excludedAttributes") String excluded) {
        return answer(200, service().get(caller.get(), id), excluded);
    }

    @POST
    @Consumes({ScimErrors.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response create(byte[] body) {
        ScimResource created = service().create(caller.get(), JsonBody.parseObject(body));
        return Response.fromResponse(answer(201, created, null)).location(location(created.id())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes({ScimErrors.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        return answer(200, service().replace(caller.get(), id, JsonBody.parseObject(body), ifMatch), null);
    }

    @PATCH
    @Path("{id}")
    @Consumes({ScimErrors.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        return answer(200, service().patch(caller.get(), id, JsonBody.parseObject(body), ifMatch), null);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service().delete(caller.get(), id, ifMatch);
        return Response.noContent().build();
    }

    private Response answer(int status, ScimResource resource, String excluded) {
        return Response.status(status).type(ScimErrors.SCIM_JSON).entity(located(resource, excluded).toString())
                .header(HttpHeaders.ETAG, resource.etag()).build();
    }

    /** The representation with meta.location; {@code excludedAttributes=members} leaves a group's members out. */
    private JsonObject located(ScimResource resource, String excluded) {
        JsonObject meta = resource.body().getJsonObject("meta");
        var body = Json.createObjectBuilder(resource.body()).add("meta", Json.createObjectBuilder(meta)
                .add("location", location(resource.id()).toString()));
        if (excluded != null) {
            for (String name : excluded.split(",")) {
                if (name.trim().equalsIgnoreCase("members")) {
                    body.remove("members");
                }
            }
        }
        return body.build();
    }

    private URI location(String id) {
        return uri.getBaseUriBuilder().path(typePath()).path(id).build();
    }

    private static Integer number(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue("'" + name + "' must be a whole number");
        }
    }
}
