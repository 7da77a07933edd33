package org.custodian.application.scim;

import static org.custodian.application.scim.ScimFilterTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class ScimPatchTest {

    private static final JsonObject USER = json("{\"id\":\"7\",\"userName\":\"jane\",\"active\":true,"
            + "\"name\":{\"givenName\":\"Jane\",\"familyName\":\"Doe\"},"
            + "\"emails\":[{\"value\":\"jane@example.com\",\"type\":\"work\",\"primary\":true}]}");
    private static final JsonObject GROUP = json("{\"id\":\"g\",\"displayName\":\"agents\","
            + "\"members\":[{\"value\":\"1\"},{\"value\":\"2\"}]}");

    @Test
    void oktaDeactivatesWithTheValueObjectForm() {
        JsonObject patched = patch(USER, "{\"op\":\"replace\",\"value\":{\"active\":false}}");
        assertFalse(patched.getBoolean("active"));
        assertEquals("jane", patched.getString("userName"));
    }

    @Test
    void entraSendsCapitalisedOpsStringBooleansFilteredAndDottedPaths() {
        JsonObject patched = patch(USER, "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"},"
                + "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"new@example.com\"},"
                + "{\"op\":\"Add\",\"path\":\"name.givenName\",\"value\":\"Janet\"},"
                + "{\"op\":\"Add\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department\","
                + "\"value\":\"Ops\"},"
                + "{\"op\":\"replace\",\"value\":{\"name.familyName\":\"Roe\",\"displayName\":\"J. Roe\"}}");
        assertEquals(Boolean.FALSE, ScimJson.bool(patched.get("active"), "active"));
        assertEquals("new@example.com", patched.getJsonArray("emails").getJsonObject(0).getString("value"));
        assertEquals(1, patched.getJsonArray("emails").size());
        assertEquals("Janet", patched.getJsonObject("name").getString("givenName"));
        assertEquals("Roe", patched.getJsonObject("name").getString("familyName"));
        assertEquals("J. Roe", patched.getString("displayName"));
        assertFalse(patched.containsKey("department"));
    }

    @Test
    void aFilteredPathThatMatchesNothingCreatesTheElement() {
        JsonObject patched = patch(USER, "{\"op\":\"add\",\"path\":\"emails[type eq \\\"home\\\"].value\","
                + "\"value\":\"home@example.com\"}");
        assertEquals(2, patched.getJsonArray("emails").size());
        assertEquals("home", patched.getJsonArray("emails").getJsonObject(1).getString("type"));
    }

    @Test
    void membersAreAddedOnceAndRemovedByFilterOrByValueList() {
        JsonObject added = patch(GROUP, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"2\"},"
                + "{\"value\":\"3\"}]}");
        assertEquals(3, added.getJsonArray("members").size());
        JsonObject removed = patch(added, "{\"op\":\"remove\",\"path\":\"members[value eq \\\"1\\\"]\"}");
        assertEquals("[{\"value\":\"2\"},{\"value\":\"3\"}]", removed.getJsonArray("members").toString());
        JsonObject entra = patch(removed, "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"3\"}]}");
        assertEquals("[{\"value\":\"2\"}]", entra.getJsonArray("members").toString());
        JsonObject replaced = patch(entra, "{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"9\"}]}");
        assertEquals("[{\"value\":\"9\"}]", replaced.getJsonArray("members").toString());
        JsonObject emptied = patch(replaced, "{\"op\":\"remove\",\"path\":\"members\"}");
        assertFalse(emptied.containsKey("members"));
        JsonObject renamed = patch(GROUP, "{\"op\":\"replace\",\"value\":{\"id\":\"g\",\"displayName\":\"x\"}}");
        assertEquals("x", renamed.getString("displayName"));
    }

    @Test
    void badOperationsAreRefusedWithTheirScimType() {
        assertEquals("noTarget", refused(USER, "{\"op\":\"remove\"}"));
        assertEquals("invalidSyntax", refused(USER, "{\"op\":\"move\",\"path\":\"active\",\"value\":true}"));
        assertEquals("invalidValue", refused(USER, "{\"op\":\"replace\",\"value\":\"x\"}"));
        assertEquals("invalidValue", refused(USER, "{\"op\":\"add\",\"path\":\"active\"}"));
        assertEquals("invalidPath", refused(USER, "{\"op\":\"add\",\"path\":\"emails[type eq\",\"value\":1}"));
        ScimException empty = assertThrows(ScimException.class, () -> ScimPatch.apply(USER,
                json("{\"schemas\":[\"" + ScimJson.PATCH_SCHEMA + "\"],\"Operations\":[]}")));
        assertEquals("invalidSyntax", empty.scimType());
        ScimException notBoolean = assertThrows(ScimException.class, () -> ScimJson.bool(json("{\"a\":\"yes\"}")
                .get("a"), "active"));
        assertEquals("invalidValue", notBoolean.scimType());
    }

    private static String refused(JsonObject resource, String operation) {
        return assertThrows(ScimException.class, () -> patch(resource, operation)).scimType();
    }

    private static JsonObject patch(JsonObject resource, String operations) {
        return ScimPatch.apply(resource, json("{\"schemas\":[\"" + ScimJson.PATCH_SCHEMA + "\"],\"Operations\":["
                + operations + "]}"));
    }
}
