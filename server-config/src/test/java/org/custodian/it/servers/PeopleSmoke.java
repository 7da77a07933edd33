package org.custodian.it.servers;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.custodian.it.Api;
import org.custodian.it.Api.Reply;

/**
 * People and identity (#22) on an application server, at the depth that proves the server's side: the user
 * administrator's API, a service account's API key passing our own bearer check (no container mechanism), and
 * SCIM, a second JAX-RS application in the WAR, with its own error format. Shared by the Payara Server and the
 * WildFly suite so both servers answer the same checks.
 */
final class PeopleSmoke {

    private PeopleSmoke() {
    }

    static void check(Api api) throws Exception {
        String admin = api.token("admin");
        Reply users = api.get("api/v1/users?q=agent.eu", admin);
        assertEquals(200, users.status(), users.toString());
        assertTrue(users.body().contains("\"agent.eu\""), users.toString());
        assertProblem(api.get("api/v1/users", api.token("agent.eu")), 403);

        String name = "smoke-scim-" + UUID.randomUUID().toString().substring(0, 8);
        Reply account = api.post("api/v1/service-accounts", admin,
                "{\"name\":\"" + name + "\",\"scopes\":[\"scim\"]}");
        assertEquals(201, account.status(), account.toString());
        Reply issued = api.post("api/v1/service-accounts/" + name + "/keys", admin, "{}");
        assertEquals(201, issued.status(), issued.toString());
        String key = issued.json().getString("key");

        String filter = URLEncoder.encode("userName eq \"agent.eu\"", StandardCharsets.UTF_8);
        Reply found = api.get("scim/v2/Users?filter=" + filter, key);
        assertEquals(200, found.status(), found.toString());
        JsonObject list = found.json();
        assertEquals(1, list.getInt("totalResults"), found.toString());
        assertEquals("agent.eu", list.getJsonArray("Resources").getJsonObject(0).getString("userName"));

        Reply anonymous = api.get("scim/v2/Users", null);
        assertEquals(401, anonymous.status(), anonymous.toString());
        assertTrue(anonymous.body().contains("urn:ietf:params:scim:api:messages:2.0:Error"), anonymous.toString());

        Reply revoked = api.send("DELETE", "api/v1/service-accounts/" + name + "/keys/"
                + issued.json().getString("keyId"), admin, null, null);
        assertTrue(revoked.status() == 200 || revoked.status() == 204, revoked.toString());
        assertEquals(401, api.get("scim/v2/Users", key).status(), "a revoked key stops at its next request");
    }
}
