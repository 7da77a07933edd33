package org.custodian.application.audit;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.custodian.domain.model.audit.AuditCheckpoint;
import org.custodian.domain.model.audit.AuditEvent;

/**
 * An event as one JSON object, the line the offline-verifiable export writes and the body of every SIEM message:
 * one rendering, so that what a collector receives is exactly what an auditor checks.
 */
public final class AuditEventJson {

    private AuditEventJson() {
    }

    /** Every field of the canonical form, under the names docs/audit-format.md gives them. */
    public static String line(AuditEvent event) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("type", "event")
                .add("sequence", event.getSequence())
                .add("occurredAt", AuditCheckpoint.formatTime(event.getOccurredAt()));
        add(json, "actor", event.getActor());
        add(json, "actorRoles", event.getActorRoles());
        add(json, "action", event.getAction());
        add(json, "resourceType", event.getResourceType());
        add(json, "resourceId", event.getResourceId());
        add(json, "fields", event.getFields());
        add(json, "outcome", event.getOutcome() == null ? null : event.getOutcome().name());
        add(json, "requestId", event.getRequestId());
        add(json, "clientAddress", event.getClientAddress());
        add(json, "previousHash", event.getPreviousHash().trim());
        add(json, "hash", event.getHash().trim());
        return json.build().toString();
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
