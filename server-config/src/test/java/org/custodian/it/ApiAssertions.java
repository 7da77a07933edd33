package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.HashSet;
import java.util.Set;
import org.custodian.it.Api.Reply;

/** What every error reply must be: RFC 9457 problem+json that says what was wrong (and which fields). */
public final class ApiAssertions {

    static final String PROBLEM_JSON = "application/problem+json";

    private ApiAssertions() {
    }

    public static void assertProblem(Reply reply, int status) {
        assertEquals(status, reply.status(), reply.toString());
        assertEquals(PROBLEM_JSON, reply.contentType().split(";")[0].trim(), reply.toString());
        JsonObject problem = reply.json();
        assertEquals(status, problem.getInt("status"));
        assertNotNull(problem.getString("title"));
        assertFalse(problem.getString("detail", "").isBlank(), "a problem says what was wrong: " + reply);
    }

    static void assertViolation(Reply reply, String field) {
        assertTrue(reply.status() == 400 || reply.status() == 422, reply.toString());
        assertProblem(reply, reply.status());
        assertTrue(violatedFields(reply).contains(field), "violation on '" + field + "' expected: " + reply);
    }

    static Set<String> violatedFields(Reply reply) {
        Set<String> fields = new HashSet<>();
        JsonArray violations = reply.json().getJsonArray("violations");
        assertNotNull(violations, "violations list expected: " + reply);
        violations.forEach(violation -> fields.add(violation.asJsonObject().getString("field")));
        return fields;
    }
}
