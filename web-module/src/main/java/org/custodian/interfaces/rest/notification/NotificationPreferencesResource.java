package org.custodian.interfaces.rest.notification;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.application.notification.NotificationPreferences;
import org.custodian.application.notification.NotificationService;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's own choices: which events reach them in the in-app list and which by mail. */
@Path("me/notification-preferences")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class NotificationPreferencesResource {

    private static final Set<String> ITEM_FIELDS = Set.of("event", "inApp", "mail");

    @EJB
    NotificationService notifications;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Your notification preferences: per event (ASSIGNED, CUSTOMER_REPLY, MENTION) in-app and mail")
    public NotificationPreferences get() {
        return notifications.preferences(caller.get());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change your notification preferences: {preferences: [{event, inApp, mail}]};"
            + " events left out stay as they were")
    public NotificationPreferences put(byte[] body) {
        JsonObject object = JsonBody.parseObject(body);
        RuleCheck check = new RuleCheck();
        for (String field : object.keySet()) {
            check.require(field.equals("preferences"), field, "is not a field of this request; known fields:"
                    + " [preferences]");
        }
        JsonValue list = object.get("preferences");
        List<NotificationPreferences.Change> changes = new ArrayList<>();
        if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY) {
            check.require(false, "preferences", "is required: a list of {event, inApp, mail}");
        } else {
            JsonArray items = list.asJsonArray();
            for (int i = 0; i < items.size(); i++) {
                changes.add(change(items.get(i), "preferences[" + i + "]", check));
            }
        }
        check.throwIfAny();
        return notifications.changePreferences(caller.get(), changes);
    }

    private static NotificationPreferences.Change change(JsonValue value, String path, RuleCheck check) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            check.require(false, path, "must be an object {event, inApp, mail}");
            return null;
        }
        JsonObject item = value.asJsonObject();
        Set<String> unknown = new TreeSet<>(item.keySet());
        unknown.removeAll(ITEM_FIELDS);
        unknown.forEach(field -> check.require(false, path + "." + field, "is not a field of a preference; known"
                + " fields: " + new TreeSet<>(ITEM_FIELDS)));
        String event = null;
        if (item.get("event") instanceof jakarta.json.JsonString text) {
            event = text.getString();
        } else {
            check.require(false, path + ".event", "is required: ASSIGNED, CUSTOMER_REPLY or MENTION");
        }
        return new NotificationPreferences.Change(event, flag(item, "inApp", path, check),
                flag(item, "mail", path, check));
    }

    private static Boolean flag(JsonObject item, String field, String path, RuleCheck check) {
        JsonValue value = item.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
            return value.getValueType() == JsonValue.ValueType.TRUE;
        }
        check.require(false, path + "." + field, "must be true or false");
        return null;
    }
}
