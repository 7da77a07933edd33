package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.custodian.it.Api.Reply;

/**
 * Backups and restores through the API, each waited for: what BackupIT checks, and what the privacy and retention
 * tests lean on.
 */
final class Backups {

    private Backups() {
    }

    /** Requests a backup and waits for its job; returns the catalog entry it wrote. */
    static JsonObject backup(Api api, String operator, String type, String reason, String target)
            throws Exception {
        JsonObjectBuilder body = Json.createObjectBuilder().add("type", type).add("reason", reason);
        if (target != null) {
            body.add("target", target);
        }
        Reply started = api.post("api/v1/backups", operator, body.build().toString());
        assertEquals(202, started.status(), started.toString());
        long execution = started.json().getJsonNumber("executionId").longValue();
        JsonObject ended = api.awaitJob(operator, execution);
        Reply catalog = api.get("api/v1/backups", operator);
        assertEquals(200, catalog.status(), catalog.toString());
        for (JsonValue entry : catalog.array()) {
            if (entry.asJsonObject().getJsonNumber("jobExecutionId").longValue() == execution) {
                return entry.asJsonObject();
            }
        }
        throw new AssertionError("no catalog entry for execution " + execution + ": " + ended);
    }

    /** Starts a restore and waits for it; returns its report (the newest one). */
    static JsonObject restore(Api api, String operator, String body) throws Exception {
        Reply started = api.post("api/v1/backups/restores", operator, body);
        assertEquals(202, started.status(), started.toString());
        JsonObject execution = api.awaitJob(operator, started.json().getJsonNumber("executionId").longValue());
        assertEquals("COMPLETED", execution.getString("status"), execution.toString());
        Reply reports = api.get("api/v1/backups/drills", operator);
        assertEquals(200, reports.status(), reports.toString());
        JsonObject newest = reports.array().getJsonObject(0);
        assertEquals(started.json().getJsonNumber("executionId").longValue(),
                newest.getJsonNumber("jobExecutionId").longValue(), newest.toString());
        return newest;
    }
}
