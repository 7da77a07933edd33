package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.UUID;
import org.custodian.it.Api.Reply;

/** A customer and a ticket of a test's own, made through the API as an agent would; anything but 201 fails the test. */
public final class TestData {

    private TestData() {
    }

    public static long createCustomer(Api api, String token, String region) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Reply reply = api.post("api/v1/customers", token, Json.createObjectBuilder()
                .add("externalId", "IT-" + suffix).add("name", "Test Customer " + suffix)
                .add("email", "customer." + suffix + "@example.com").add("phone", "+49 30 5550 1234")
                // the same number for every test customer: not the duplicate the directory flags (#23)
                .add("allowDuplicate", true)
                .add("region", region).build().toString());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonNumber("id").longValue();
    }

    /**
     * Lists a category (a test's own) as the supervisor would, so tickets may carry it (#23: categories come from
     * the master list); one that exists already is fine.
     */
    public static void listCategory(Api api, String code) {
        Reply reply = api.post("api/v1/catalog/categories", api.token("supervisor"), Json.createObjectBuilder()
                .add("code", code).add("name", "Test category " + code).add("ownerTeam", "eu-support").build()
                .toString());
        if (reply.status() != 201 && reply.status() != 409) {
            assertEquals(201, reply.status(), reply.toString());
        }
    }

    public static long createTicket(Api api, String token, long customerId, String subject) {
        JsonObjectBuilder ticket = Json.createObjectBuilder().add("customerId", customerId).add("subject", subject)
                .add("description", "Created by an integration test.").add("category", "SOFTWARE");
        Reply reply = api.post("api/v1/tickets", token, ticket.build().toString());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getJsonNumber("id").longValue();
    }
}
