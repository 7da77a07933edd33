package org.custodian.interfaces.rest.catalog;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.custodian.application.catalog.CatalogEntryChanges;
import org.custodian.application.catalog.CatalogEntryView;
import org.custodian.application.catalog.CatalogService;
import org.custodian.application.catalog.NewCatalogEntry;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.catalog.CatalogKind;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.Created;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The master lists (#23): {@code /catalog/categories}, {@code /catalog/products}, {@code /catalog/sites}. Everyone
 * signed in reads them; supervisors (CATALOG_MANAGE) add, rename, hand over, retire and reactivate entries.
 */
@Path("catalog/{list}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class CatalogResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final Set<String> NEW_FIELDS = Set.of("code", "name", "ownerTeam");
    private static final Set<String> CHANGE_FIELDS = Set.of("name", "ownerTeam", "active");

    @EJB
    CatalogService catalog;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "One list by code (categories, products or sites); retired entries with"
            + " ?includeRetired=true")
    public List<CatalogEntryView> list(@PathParam("list") String list,
            @QueryParam("includeRetired") boolean includeRetired) {
        return catalog.list(caller.get(), kind(list), includeRetired);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an entry (CATALOG_MANAGE): {code, name, ownerTeam}")
    public Response create(@PathParam("list") String list, byte[] body, @Context UriInfo uri) {
        CatalogKind kind = kind(list);
        NewCatalogEntry input = JsonBody.read(body, NEW_FIELDS,
                json -> new NewCatalogEntry(json.text("code"), json.text("name"), json.text("ownerTeam")));
        CatalogEntryView created = catalog.create(caller.get(), kind, input);
        return Created.at(uri, created.code(), created).build();
    }

    @PATCH
    @Path("{code}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Rename, hand to another team, retire ({\"active\":false}) or reactivate an entry"
            + " (CATALOG_MANAGE)")
    public CatalogEntryView change(@PathParam("list") String list, @PathParam("code") String code, byte[] body) {
        CatalogKind kind = kind(list);
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.of(body, CHANGE_FIELDS, check);
        for (String field : CHANGE_FIELDS) {
            check.require(!json.has(field) || json.fields().get(field).getValueType()
                    != JsonValue.ValueType.NULL, field, "cannot be removed, only changed");
        }
        CatalogEntryChanges changes = new CatalogEntryChanges(json.text("name"), json.text("ownerTeam"),
                json.bool("active"));
        check.throwIfAny();
        return catalog.change(caller.get(), kind, code, changes);
    }

    private static CatalogKind kind(String list) {
        return CatalogKind.ofPath(list).orElseThrow(() -> new ResourceNotFoundException("list", list
                + " (the lists are categories, products and sites)"));
    }
}
