package org.custodian.it;

import static org.custodian.it.PolicyFixtures.suffix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * SCIM 2.0 (#22) as the identity providers drive it, black-box over HTTP with a service account's key of the
 * {@code scim} scope: Okta's published SCIM 2.0 test sequence (the "Runscope" spec: filter finds nothing, create,
 * read, filter finds it, replace, deactivate, groups with members added and removed) and Entra ID's (its user
 * shape with externalId and the enterprise extension, PATCH with capitalised ops and {@code "active":"False"},
 * members added and removed, filter by externalId). The group mapping of the test server
 * ({@code CUSTODIAN_OIDC_GROUP_MAP}: scim-agents-eu=AGENT+region:EU, scim-supervisors=SUPERVISOR+region:EU) and the
 * demo team eu-support turn groups into access.
 */
class ScimIT extends DeployedWar {

    static final String SCIM = "application/scim+json";
    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    @Test
    void oktaTestSequence() throws Exception {
        Api api = api();
        String admin = Tokens.forUser("admin", "USER_ADMIN", List.of());
        String key = scimKey(api, admin, "okta-" + suffix());
        String userName = ("okta." + suffix() + "@okta.local").toLowerCase();

        // 1. Okta first looks the user up: nothing yet
        Reply none = scim(api, "GET", "scim/v2/Users?filter=" + q("userName eq \"" + userName + "\"")
                + "&startIndex=1&count=100", key, null);
        assertEquals(200, none.status(), none.toString());
        assertTrue(none.contentType().startsWith(SCIM), none.contentType());
        assertEquals(0, none.json().getInt("totalResults"));
        assertEquals("urn:ietf:params:scim:api:messages:2.0:ListResponse",
                none.json().getJsonArray("schemas").getString(0));

        // 2. create, as Okta sends it (a password it may send is never taken)
        String oktaUser = "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName + "\",\"name\":{\"givenName\":"
                + "\"Test\",\"familyName\":\"User\"},\"emails\":[{\"primary\":true,\"value\":\"" + userName
                + "\",\"type\":\"work\"}],\"displayName\":\"Test User\",\"locale\":\"en-US\",\"externalId\":"
                + "\"00ujl29u0le5T6Aj10h7\",\"groups\":[],\"password\":\"1mz050nq\",\"active\":true}";
        Reply created = scim(api, "POST", "scim/v2/Users", key, oktaUser);
        assertEquals(201, created.status(), created.toString());
        JsonObject user = created.json();
        String id = user.getString("id");
        assertEquals(userName, user.getString("userName"));
        assertEquals("Test", user.getJsonObject("name").getString("givenName"));
        assertTrue(user.getBoolean("active"));
        assertEquals("User", user.getJsonObject("meta").getString("resourceType"));
        assertTrue(user.getJsonObject("meta").getString("location").endsWith("/scim/v2/Users/" + id), user.toString());
        assertEquals(created.header("Location").orElseThrow(), user.getJsonObject("meta").getString("location"));
        assertEquals(created.header("ETag").orElseThrow(), user.getJsonObject("meta").getString("version"));

        // the same userName again: 409 uniqueness, in SCIM's error format
        assertScimError(scim(api, "POST", "scim/v2/Users", key, oktaUser), 409, "uniqueness");

        // 3. read it back; 4. the filter finds it now
        Reply read = scim(api, "GET", "scim/v2/Users/" + id, key, null);
        assertEquals(200, read.status(), read.toString());
        assertEquals(user.getJsonObject("meta").getString("version"), read.header("ETag").orElseThrow());
        Reply found = scim(api, "GET", "scim/v2/Users?filter=" + q("userName eq \"" + userName.toUpperCase()
                + "\"") + "&startIndex=1&count=100", key, null);
        assertEquals(1, found.json().getInt("totalResults"), found.toString());
        assertEquals(id, found.json().getJsonArray("Resources").getJsonObject(0).getString("id"));

        // 5. replace (PUT) with a new given name; a stale If-Match is refused
        String etag = read.header("ETag").orElseThrow();
        Reply replaced = scim(api, "PUT", "scim/v2/Users/" + id, key, oktaUser.replace("\"Test\"", "\"Another\""),
                "If-Match", etag);
        assertEquals(200, replaced.status(), replaced.toString());
        assertEquals("Another", replaced.json().getJsonObject("name").getString("givenName"));
        assertScimError(scim(api, "PUT", "scim/v2/Users/" + id, key, oktaUser, "If-Match", etag), 412, null);
        assertScimError(scim(api, "PUT", "scim/v2/Users/" + id, key, oktaUser.replace("\"userName\":\"" + userName,
                "\"userName\":\"renamed." + userName)), 400, "mutability");

        // groups: Okta pushes a group with the user; the mapping makes them an EU agent, the team's name a member
        Reply agents = scimGroup(api, key, "scim-agents-eu", id);
        Reply team = scimGroup(api, key, "eu-support", null);
        String teamGroup = team.json().getString("id");
        Reply added = scim(api, "PATCH", "scim/v2/Groups/" + teamGroup, key, "{\"schemas\":[\"" + PATCH_OP + "\"],"
                + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\","
                + "\"display\":\"" + userName + "\"}]}]}");
        assertEquals(200, added.status(), added.toString());
        assertEquals(id, added.json().getJsonArray("members").getJsonObject(0).getString("value"));
        JsonObject asAdmin = api.get("api/v1/users/" + userName, admin).json();
        assertEquals("[\"AGENT\"]", asAdmin.getJsonArray("roles").toString(), asAdmin.toString());
        assertEquals("[\"EU\"]", asAdmin.getJsonArray("regions").toString());
        assertTrue(api.get("api/v1/teams/eu-support", admin).body().contains("\"" + userName + "\""));
        assertEquals(2, scim(api, "GET", "scim/v2/Users/" + id, key, null).json().getJsonArray("groups").size());

        // the user works: a token of theirs reads tickets
        String usersToken = Tokens.forUser(userName, "AGENT", List.of("EU"));
        assertEquals(200, api.get("api/v1/tickets?size=1", usersToken).status());

        // Okta's group membership removal: the team membership goes with it
        Reply removed = scim(api, "PATCH", "scim/v2/Groups/" + teamGroup, key, "{\"schemas\":[\"" + PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + id + "\\\"]\"}]}");
        assertEquals(200, removed.status(), removed.toString());
        assertEquals(0, removed.json().getJsonArray("members").size());
        assertFalse(api.get("api/v1/teams/eu-support", admin).body().contains("\"" + userName + "\""));

        // 6. deactivate: the user's token is refused at its next request
        Reply deactivated = scim(api, "PATCH", "scim/v2/Users/" + id, key, "{\"schemas\":[\"" + PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}");
        assertEquals(200, deactivated.status(), deactivated.toString());
        assertFalse(deactivated.json().getBoolean("active"));
        assertEquals(401, api.get("api/v1/tickets?size=1", usersToken).status());
        assertFalse(api.get("api/v1/users/" + userName, admin).json().getBoolean("active"));

        // Okta's replace of a group's members (PUT, and PATCH replace): the agent group empties, AGENT goes
        String agentsId = agents.json().getString("id");
        Reply emptied = scim(api, "PATCH", "scim/v2/Groups/" + agentsId, key, "{\"schemas\":[\"" + PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}]}");
        assertEquals(200, emptied.status(), emptied.toString());
        assertEquals("[]", api.get("api/v1/users/" + userName, admin).json().getJsonArray("roles").toString());
        Reply renamed = scim(api, "PUT", "scim/v2/Groups/" + agentsId, key, "{\"schemas\":[\"" + GROUP
                + "\"],\"displayName\":\"okta-renamed-" + suffix() + "\",\"members\":[]}");
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals(204, scim(api, "DELETE", "scim/v2/Groups/" + agentsId, key, null).status());
        assertScimError(scim(api, "GET", "scim/v2/Groups/" + agentsId, key, null), 404, null);
    }

    @Test
    void entraIdTestSequence() throws Exception {
        Api api = api();
        String admin = Tokens.forUser("admin", "USER_ADMIN", List.of());
        String key = scimKey(api, admin, "entra-" + suffix());
        String externalId = java.util.UUID.randomUUID().toString();
        String userName = "Test_User_" + suffix() + "@testuser.com";
        String lower = userName.toLowerCase();

        Reply created = scim(api, "POST", "scim/v2/Users", key, "{\"schemas\":[\"" + USER + "\",\"urn:ietf:params:"
                + "scim:schemas:extension:enterprise:2.0:User\"],\"externalId\":\"" + externalId + "\",\"userName\":\""
                + userName + "\",\"active\":true,\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\""
                + "Test_User_" + externalId.substring(0, 8) + "@testuser.com\"}],\"meta\":{\"resourceType\":\"User\"},"
                + "\"name\":{\"formatted\":\"givenName familyName\",\"familyName\":\"familyName\",\"givenName\":"
                + "\"givenName\"},\"roles\":[],\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":"
                + "{\"department\":\"Support\"}}");
        assertEquals(201, created.status(), created.toString());
        String id = created.json().getString("id");
        assertEquals(lower, created.json().getString("userName"));
        assertEquals("givenName familyName", created.json().getString("displayName"));

        // Entra looks users up by externalId (caseExact) and by userName
        Reply byExternal = scim(api, "GET", "scim/v2/Users?filter=" + q("externalId eq \"" + externalId + "\""),
                key, null);
        assertEquals(1, byExternal.json().getInt("totalResults"), byExternal.toString());
        assertEquals(0, scim(api, "GET", "scim/v2/Users?filter=" + q("externalId eq \"" + externalId.toUpperCase()
                + "\""), key, null).json().getInt("totalResults"));
        assertEquals(1, scim(api, "GET", "scim/v2/Users?filter=" + q("emails[value eq \"Test_User_"
                + externalId.substring(0, 8) + "@testuser.com\"]"), key, null).json().getInt("totalResults"));

        // PATCH with capitalised ops, a filtered path, a dotted path and an extension attribute
        Reply patched = scim(api, "PATCH", "scim/v2/Users/" + id, key, "{\"schemas\":[\"" + PATCH_OP + "\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\""
                + "changed." + externalId.substring(0, 8) + "@testuser.com\"},{\"op\":\"Replace\",\"path\":"
                + "\"name.familyName\",\"value\":\"Changed\"},{\"op\":\"Add\",\"path\":\"urn:ietf:params:scim:"
                + "schemas:extension:enterprise:2.0:User:department\",\"value\":\"Ops\"}]}");
        assertEquals(200, patched.status(), patched.toString());
        assertEquals("changed." + externalId.substring(0, 8) + "@testuser.com", patched.json().getJsonArray("emails")
                .getJsonObject(0).getString("value"));
        assertEquals("Changed", patched.json().getJsonObject("name").getString("familyName"));

        // Entra's group: members added and removed; SUPERVISOR needs a second person, the region comes at once
        Reply group = scim(api, "POST", "scim/v2/Groups", key, "{\"schemas\":[\"" + GROUP + "\"],\"externalId\":\""
                + java.util.UUID.randomUUID() + "\",\"displayName\":\"scim-supervisors\",\"members\":[]}");
        assertEquals(201, group.status(), group.toString());
        String groupId = group.json().getString("id");
        assertScimError(scim(api, "POST", "scim/v2/Groups", key, "{\"schemas\":[\"" + GROUP
                + "\"],\"displayName\":\"SCIM-Supervisors\"}"), 409, "uniqueness");
        Reply byName = scim(api, "GET", "scim/v2/Groups?filter=" + q("displayName eq \"scim-supervisors\"")
                + "&excludedAttributes=members", key, null);
        assertEquals(1, byName.json().getInt("totalResults"), byName.toString());
        assertFalse(byName.json().getJsonArray("Resources").getJsonObject(0).containsKey("members"));
        Reply add = scim(api, "PATCH", "scim/v2/Groups/" + groupId, key, "{\"schemas\":[\"" + PATCH_OP + "\"],"
                + "\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}]}");
        assertEquals(200, add.status(), add.toString());
        JsonObject pending = api.get("api/v1/users/" + lower, admin).json();
        assertEquals("[]", pending.getJsonArray("roles").toString(), pending.toString());
        assertEquals("[\"SUPERVISOR\"]", pending.getJsonArray("pendingRoles").toString(), pending.toString());
        assertEquals("[\"EU\"]", pending.getJsonArray("regions").toString());
        Reply remove = scim(api, "PATCH", "scim/v2/Groups/" + groupId, key, "{\"schemas\":[\"" + PATCH_OP + "\"],"
                + "\"Operations\":[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}]}");
        assertEquals(200, remove.status(), remove.toString());
        JsonObject withdrawn = api.get("api/v1/users/" + lower, admin).json();
        assertFalse(withdrawn.containsKey("pendingRoles") && !withdrawn.getJsonArray("pendingRoles").isEmpty(),
                withdrawn.toString());
        assertEquals("[]", withdrawn.getJsonArray("regions").toString());

        // soft delete, as Entra does it: "active": "False" as a string
        Reply inactive = scim(api, "PATCH", "scim/v2/Users/" + id, key, "{\"schemas\":[\"" + PATCH_OP + "\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}");
        assertEquals(200, inactive.status(), inactive.toString());
        assertFalse(inactive.json().getBoolean("active"));
        assertFalse(api.get("api/v1/users/" + lower, admin).json().getBoolean("active"));

        // hard delete: disabled, then 404 to SCIM; the user stays for the trail
        assertEquals(204, scim(api, "DELETE", "scim/v2/Users/" + id, key, null).status());
        assertScimError(scim(api, "GET", "scim/v2/Users/" + id, key, null), 404, null);
        assertEquals(0, scim(api, "GET", "scim/v2/Users?filter=" + q("userName eq \"" + userName + "\""), key, null)
                .json().getInt("totalResults"));
        assertEquals(200, api.get("api/v1/users/" + lower, admin).status());
    }

    @Test
    void onlyScimKeysAndScimErrors() throws Exception {
        Api api = api();
        String admin = Tokens.forUser("admin", "USER_ADMIN", List.of());
        String key = scimKey(api, admin, "errs-" + suffix());
        Reply anonymous = scim(api, "GET", "scim/v2/Users", null, null);
        assertScimError(anonymous, 401, null);
        assertScimError(scim(api, "GET", "scim/v2/Users", admin, null), 403, null);
        assertScimError(scim(api, "GET", "scim/v2/Users?filter=" + q("userName sw \"a\""), key, null), 400,
                "invalidFilter");
        assertScimError(scim(api, "GET", "scim/v2/Users?filter=" + q("title eq \"a\""), key, null), 400,
                "invalidFilter");
        assertScimError(scim(api, "POST", "scim/v2/Users", key, "{\"userName\":"), 400, "invalidSyntax");
        assertScimError(scim(api, "POST", "scim/v2/Users", key, "{\"schemas\":[\"" + USER + "\"]}"), 400,
                "invalidValue");
        assertScimError(scim(api, "POST", "scim/v2/Users", key, "{\"userName\":\"has space\"}"), 400, "invalidValue");
        String anyone = scim(api, "GET", "scim/v2/Users?count=1", key, null).json().getJsonArray("Resources")
                .getJsonObject(0).getString("id");
        assertScimError(scim(api, "PATCH", "scim/v2/Users/" + anyone, key, "{\"Operations\":[{\"op\":\"remove\"}]}"),
                400, "noTarget");
        assertScimError(scim(api, "PATCH", "scim/v2/Users/" + anyone, key, "{\"Operations\":[]}"), 400,
                "invalidSyntax");
        assertScimError(scim(api, "GET", "scim/v2/Users/999999999", key, null), 404, null);
        assertEquals(404, api.get("api/v1/Users", key).status(), "SCIM lives under /scim/v2 only");
        // a key of another scope is refused too
        String other = "other-" + suffix();
        assertEquals(201, api.post("api/v1/service-accounts", admin, "{\"name\":\"" + other
                + "\",\"scopes\":[\"reports:read\"]}").status());
        String reportsKey = api.post("api/v1/service-accounts/" + other + "/keys", admin, "{}").json().getString("key");
        assertScimError(scim(api, "GET", "scim/v2/Users", reportsKey, null), 403, null);
        Reply config = scim(api, "GET", "scim/v2/ServiceProviderConfig", key, null);
        assertEquals(200, config.status(), config.toString());
        assertTrue(config.json().getJsonObject("patch").getBoolean("supported"));
        assertTrue(config.json().getJsonObject("etag").getBoolean("supported"));
        assertFalse(config.json().getJsonObject("bulk").getBoolean("supported"));
        assertEquals(200, config.json().getJsonObject("filter").getInt("maxResults"));
        assertEquals(2, scim(api, "GET", "scim/v2/ResourceTypes", key, null).json().getInt("totalResults"));
        assertEquals(2, scim(api, "GET", "scim/v2/Schemas", key, null).json().getJsonArray("Resources").size());
        // pagination: count and startIndex over every user
        Reply page = scim(api, "GET", "scim/v2/Users?startIndex=2&count=3", key, null);
        assertEquals(3, page.json().getInt("itemsPerPage"), page.toString());
        assertEquals(2, page.json().getInt("startIndex"));
        assertTrue(page.json().getInt("totalResults") >= 9, page.toString());
        // rate limit headers apply here too
        assertTrue(page.header("RateLimit-Policy").isPresent(), page.toString());
    }

    private static void assertScimError(Reply reply, int status, String scimType) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith(SCIM), reply.toString());
        JsonObject error = reply.json();
        assertEquals(ERROR, error.getJsonArray("schemas").getString(0), reply.toString());
        assertEquals(String.valueOf(status), error.getString("status"));
        if (scimType == null) {
            assertFalse(error.containsKey("scimType"), reply.toString());
        } else {
            assertEquals(scimType, error.getString("scimType"), reply.toString());
        }
    }

    /** A service account with the scim scope and its key, made through the API by a user administrator. */
    static String scimKey(Api api, String admin, String name) {
        Reply account = api.post("api/v1/service-accounts", admin, "{\"name\":\"" + name + "\",\"scopes\":[\"scim\"]}");
        assertEquals(201, account.status(), account.toString());
        Reply key = api.post("api/v1/service-accounts/" + name + "/keys", admin, "{}");
        assertEquals(201, key.status(), key.toString());
        return key.json().getString("key");
    }

    private static Reply scimGroup(Api api, String key, String name, String member) {
        Reply existing = scim(api, "GET", "scim/v2/Groups?filter=" + q("displayName eq \"" + name + "\""), key, null);
        if (existing.json().getInt("totalResults") > 0) {
            String id = existing.json().getJsonArray("Resources").getJsonObject(0).getString("id");
            scim(api, "DELETE", "scim/v2/Groups/" + id, key, null);
        }
        Reply created = scim(api, "POST", "scim/v2/Groups", key, "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\""
                + name + "\",\"members\":[" + (member == null ? "" : "{\"value\":\"" + member + "\"}") + "]}");
        assertEquals(201, created.status(), created.toString());
        return created;
    }

    private static Reply scim(Api api, String method, String path, String token, String body, String... headers) {
        return api.send(method, path, token, body == null ? null : SCIM, body, headers);
    }

    private static String q(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
