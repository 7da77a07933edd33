package org.custodian.interfaces.rest.webhook;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.custodian.application.webhook.WebhookService;
import org.custodian.application.webhook.WebhookService.Changes;
import org.custodian.application.webhook.WebhookService.CreatedWebhook;
import org.custodian.application.webhook.WebhookService.DeadLetterView;
import org.custodian.application.webhook.WebhookService.Filter;
import org.custodian.application.webhook.WebhookService.NewWebhook;
import org.custodian.application.webhook.WebhookService.WebhookView;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.Created;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class WebhookResource {

    private static final Set<String> NEW_FIELDS = Set.of("url", "events", "filter");
    private static final Set<String> CHANGE_FIELDS = Set.of("state", "events", "filter");
    private static final Set<String> FILTER_FIELDS = Set.of("categories", "regions", "priorities");

    @EJB
    WebhookService webhooks;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a webhook (a service account key with the webhooks scope): {url, events, filter?:"
            + " {categories?, regions?, priorities?}}; the answer holds the signing secret (whsec_...) this once;"
            + " 422 for a target the SSRF rules refuse")
    public Response register(byte[] body, @Context UriInfo uri) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.of(body, NEW_FIELDS, check);
        NewWebhook input = new NewWebhook(json.text("url"), json.textList("events"),
                filter(json.fields().get("filter"), check));
        check.throwIfAny();
        CreatedWebhook created = webhooks.register(caller.get(), input);
        return Created.at(uri, created.id(), created).build();
    }

    @GET
    @Operation(summary = "The calling account's webhooks (never a secret)")
    public List<WebhookView> list() {
        return webhooks.list(caller.get());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of the calling account's webhooks")
    public WebhookView get(@PathParam("id") long id) {
        return webhooks.get(caller.get(), id);
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "Pause or resume ({state: PAUSED|ACTIVE}), or change events or filter; a paused webhook's"
            + " events wait in order and go out when it is resumed")
    public WebhookView change(@PathParam("id") long id, byte[] body) {
        RuleCheck check = new RuleCheck();
        JsonBody json = JsonBody.of(body, CHANGE_FIELDS, check);
        JsonValue filter = json.fields().get("filter");
        Changes changes = new Changes(json.text("state"), json.textList("events"),
                filter == null ? null : filter(filter, check));
        check.throwIfAny();
        return webhooks.change(caller.get(), id, changes);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete the webhook; its undelivered events and dead letters go with it")
    public Response delete(@PathParam("id") long id) {
        webhooks.delete(caller.get(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/dead-letters")
    @Operation(summary = "Deliveries that failed their last attempt, oldest first")
    public List<DeadLetterView> deadLetters(@PathParam("id") long id) {
        return webhooks.deadLetters(caller.get(), id);
    }

    @POST
    @Path("{id}/dead-letters/{deliveryId}/replay")
    @Operation(summary = "Send a dead letter again (a new round of attempts, the same webhook-id)")
    public DeadLetterView replay(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        return webhooks.replay(caller.get(), id, deliveryId);
    }

    /** {@code {categories?, regions?, priorities?}}: lists of strings; null when absent. */
    private static Filter filter(JsonValue value, RuleCheck check) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            check.require(false, "filter", "must be an object: {categories?, regions?, priorities?}");
            return null;
        }
        for (String field : object.keySet()) {
            check.require(FILTER_FIELDS.contains(field), "filter." + field, "is not a filter; filters are "
                    + FILTER_FIELDS);
        }
        return new Filter(texts(object, "categories", check), texts(object, "regions", check),
                texts(object, "priorities", check));
    }

    private static List<String> texts(JsonObject object, String field, RuleCheck check) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonString text) {
                    texts.add(text.getString());
                } else {
                    check.require(false, "filter." + field, "must be an array of strings");
                }
            }
        } else {
            check.require(false, "filter." + field, "must be an array of strings, e.g. [\"EU\"]");
        }
        return texts;
    }
}
