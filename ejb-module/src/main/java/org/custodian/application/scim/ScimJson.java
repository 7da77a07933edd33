package org.custodian.application.scim;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/** Reading SCIM JSON as RFC 7643 says: attribute names in any case, and booleans as IdPs really send them. */
public final class ScimJson {

    public static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private ScimJson() {
    }

    /** The attribute of that name, ignoring case (RFC 7643 2.1), or null. */
    public static JsonValue get(JsonObject object, String name) {
        if (object == null) {
            return null;
        }
        JsonValue exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** A string attribute (null when absent or null); another type is an invalidValue naming it. */
    public static String text(JsonObject object, String name) {
        JsonValue value = get(object, name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw ScimException.invalidValue("'" + name + "' must be a string");
    }

    /** A complex attribute (null when absent or null). */
    public static JsonObject object(JsonObject object, String name) {
        JsonValue value = get(object, name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonObject complex) {
            return complex;
        }
        throw ScimException.invalidValue("'" + name + "' must be an object");
    }

    /**
     * A boolean: JSON true/false, or the strings "true"/"false" in any case (Entra ID sends {@code "False"} in
     * PATCH); null when absent. Anything else is an invalidValue.
     */
    public static Boolean bool(JsonValue value, String name) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
            return value.getValueType() == JsonValue.ValueType.TRUE;
        }
        if (value instanceof JsonString string) {
            String text = string.getString().trim().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return text.equals("true");
            }
        }
        throw ScimException.invalidValue("'" + name + "' must be true or false");
    }

    /** The weak ETag of a representation (without its meta): changes whenever anything shown changes. */
    public static String etag(JsonObject withoutMeta) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(withoutMeta.toString().getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether an If-Match header allows a change of a resource whose ETag is {@code current}: absent or "*" does;
     * otherwise one of its tags must be the current one (weak or strong form alike, RFC 7644 3.14).
     */
    public static boolean ifMatchAllows(String ifMatch, String current) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return true;
        }
        String bare = current.replaceFirst("^W/", "");
        for (String tag : ifMatch.split(",")) {
            if (tag.trim().replaceFirst("^W/", "").equals(bare)) {
                return true;
            }
        }
        return false;
    }
}
