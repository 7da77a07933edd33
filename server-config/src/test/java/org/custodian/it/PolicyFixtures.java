package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.custodian.it.Api.Reply;

/**
 * What the policy tests make for themselves: customers with every kind of personal field (so each label has
 * something to mask), tickets, unique names, and contractors the IdP knows.
 */
final class PolicyFixtures {

    private PolicyFixtures() {
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static Set<Long> ids(JsonArray items) {
        Set<Long> ids = new HashSet<>();
        items.forEach(item -> ids.add(item.asJsonObject().getJsonNumber("id").longValue()));
        return ids;
    }

    static long customer(Api api, String token, String region) {
        String suffix = suffix();
        Reply reply = api.post("api/v1/customers", token, Json.createObjectBuilder()
                .add("externalId", "POL-" + suffix).add("name", "Policy Customer " + suffix)
                .add("email", "customer." + suffix + "@example.com").add("phone", "+49 30 5550 1234")
                .add("allowDuplicate", true)
                .add("nationalId", "X" + suffix.toUpperCase() + "9").add("region", region).build().toString());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonNumber("id").longValue();
    }

    static long ticket(Api api, String token, long customerId, String subject, String description,
            String category) {
        Reply reply = api.post("api/v1/tickets", token, Json.createObjectBuilder().add("customerId", customerId)
                .add("subject", subject).add("description", description).add("category", category).build()
                .toString());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonNumber("id").longValue();
    }

    /** A contractor known to the IdP and to Custodian (grants name existing users), without a password here. */
    static void createContractor(String username) throws Exception {
        createUser(username, "CONTRACTOR", "EU");
    }

    /** A user with one role in one region, who signs in with a token only (no password). */
    static void createUser(String username, String role, String region) throws Exception {
        long id = Sql.longValue("select nextval('app_user_seq')");
        Sql.update("insert into app_user (id, username, display_name, password_hash, enabled, created_at)"
                + " values (?, ?, ?, 'none', true, now())", id, username, "IT " + role);
        Sql.update("insert into app_user_role (user_id, role) values (?, ?)", id, role);
        Sql.update("insert into app_user_region (user_id, region) values (?, ?)", id, region);
    }
}
