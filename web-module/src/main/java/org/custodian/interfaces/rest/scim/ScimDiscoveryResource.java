package org.custodian.interfaces.rest.scim;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The discovery documents of RFC 7644 4 — what this server supports (patch, filter with at most 200 results, ETags;
 * no bulk, no sort, no password change) — static files under {@code /scim/} in the WAR, kept true by ScimIT.
 * They need a valid bearer token or key like every other SCIM endpoint.
 */
@Path("{document: ServiceProviderConfig|ResourceTypes|Schemas}")
@RequestScoped
@Produces({ScimErrors.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class ScimDiscoveryResource {

    private static final Set<String> DOCUMENTS = Set.of("ServiceProviderConfig", "ResourceTypes", "Schemas");

    @GET
    public Response document(@PathParam("document") String document) {
        if (!DOCUMENTS.contains(document)) {
            return Response.status(404).build();
        }
        try (InputStream in = ScimDiscoveryResource.class.getResourceAsStream("/scim/" + document + ".json")) {
            return Response.ok(new String(in.readAllBytes(), StandardCharsets.UTF_8), ScimErrors.SCIM_JSON).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
