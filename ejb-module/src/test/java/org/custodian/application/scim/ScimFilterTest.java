package org.custodian.application.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScimFilterTest {

    private static final JsonObject USER = json("{\"id\":\"42\",\"userName\":\"jane.doe@example.com\","
            + "\"externalId\":\"AbC-1\",\"active\":true,\"name\":{\"givenName\":\"Jane\"},"
            + "\"emails\":[{\"value\":\"jane@example.com\",\"type\":\"work\"},{\"value\":\"j@home.example\","
            + "\"type\":\"home\"}]}");

    @Test
    void userNameEqualityIgnoresCaseAsUserNameIsNotCaseExact() {
        ScimFilter filter = parse("userName eq \"Jane.Doe@Example.com\"");
        assertTrue(filter.matches(USER));
        assertEquals(Optional.of("Jane.Doe@Example.com"), filter.equalityOn("username"));
        assertFalse(parse("userName eq \"john@example.com\"").matches(USER));
    }

    @Test
    void externalIdAndIdAreCaseExact() {
        assertTrue(parse("externalId eq \"AbC-1\"").matches(USER));
        assertFalse(parse("externalId eq \"abc-1\"").matches(USER));
        assertTrue(parse("id eq \"42\"").matches(USER));
    }

    @Test
    void valueFiltersDottedPathsBooleansAndConjunctions() {
        assertTrue(parse("emails[value eq \"j@home.example\"]").matches(USER));
        assertTrue(parse("emails[type eq \"work\" and value eq \"jane@example.com\"]").matches(USER));
        assertFalse(parse("emails[type eq \"home\" and value eq \"jane@example.com\"]").matches(USER));
        assertTrue(parse("emails.value eq \"JANE@example.com\"").matches(USER));
        assertTrue(parse("name.givenName eq \"jane\" AND active eq true").matches(USER));
        assertFalse(parse("active eq false").matches(USER));
        assertTrue(parse("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"jane.doe@example.com\"")
                .matches(USER));
        assertTrue(parse("userName eq \"with \\\"quotes\\\"\"").equalityOn("userName").orElseThrow()
                .contains("\"quotes\""));
    }

    @Test
    void whatIsNotSupportedIsAnInvalidFilterNeverAGuess() {
        for (String unsupported : new String[] {"userName sw \"j\"", "userName co \"j\"", "userName pr",
                "userName eq \"a\" or userName eq \"b\"", "not (userName eq \"a\")", "(userName eq \"a\")",
                "title eq \"x\"", "userName eq", "userName eq \"open", "userName eq \"a\" extra", "",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"x\"",
                "emails[value eq \"a\"", "userName eq bare"}) {
            ScimException refused = assertThrows(ScimException.class, () -> parse(unsupported), unsupported);
            assertEquals(400, refused.status());
            assertEquals("invalidFilter", refused.scimType(), unsupported);
        }
    }

    private static ScimFilter parse(String text) {
        return ScimFilter.parse(text, ScimRepresentations.USER_FILTERS);
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
