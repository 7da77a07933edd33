package org.custodian.application.scim;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies a PatchOp request (RFC 7644 3.5.2) to a resource's JSON representation; the result is then handled as a
 * replacement, so PATCH and PUT share every rule. Understood as the IdPs send them: {@code op} in any case
 * ({@code "Replace"}, Entra ID); paths {@code active}, {@code name.givenName}, {@code emails[type eq "work"].value},
 * {@code members}, {@code members[value eq "id"]}; no path with an object of attributes (the value-object form);
 * {@code remove} of {@code members} with a value list. A filtered path that matches nothing is created by
 * add/replace when the filter is a plain equality ({@code emails[type eq "work"].value} adds a work address), as
 * Entra ID expects; remove of nothing is no error.
 */
public final class ScimPatch {

    private ScimPatch() {
    }

    /** The resource after the operations, or a ScimException saying which operation is wrong. */
    public static JsonObject apply(JsonObject resource, JsonObject patch) {
        JsonValue operations = ScimJson.get(patch, "Operations");
        if (!(operations instanceof JsonArray list) || list.isEmpty()) {
            throw ScimException.invalidSyntax("a PatchOp needs a non-empty 'Operations' array (schemas: ["
                    + ScimJson.PATCH_SCHEMA + "])");
        }
        if (list.size() > 1000) {
            throw new ScimException(400, "tooMany", "at most 1000 operations in one PATCH");
        }
        Map<String, Object> target = mutable(resource);
        int index = 0;
        for (JsonValue item : list) {
            if (!(item instanceof JsonObject operation)) {
                throw ScimException.invalidSyntax("Operations[" + index + "] must be an object");
            }
            apply(target, operation, index++);
        }
        return (JsonObject) frozen(target);
    }

    private static void apply(Map<String, Object> target, JsonObject operation, int index) {
        String op = ScimJson.text(operation, "op");
        String path = ScimJson.text(operation, "path");
        JsonValue value = ScimJson.get(operation, "value");
        String kind = op == null ? "" : op.trim().toLowerCase(Locale.ROOT);
        if (!List.of("add", "replace", "remove").contains(kind)) {
            throw ScimException.invalidSyntax("Operations[" + index + "].op must be add, replace or remove; got "
                    + op);
        }
        if (path == null || path.isBlank()) {
            if (kind.equals("remove")) {
                throw new ScimException(400, "noTarget", "Operations[" + index + "]: remove needs a path");
            }
            if (!(value instanceof JsonObject attributes)) {
                throw ScimException.invalidValue("Operations[" + index + "]: without a path the value must be an"
                        + " object of attributes");
            }
            for (Map.Entry<String, JsonValue> attribute : attributes.entrySet()) {
                // Entra ID puts paths as keys ("name.givenName"); the core schema's URN prefix may lead
                if (!isExtension(attribute.getKey())) {
                    applyPath(target, kind, parsePath(attribute.getKey()), attribute.getValue());
                }
            }
            return;
        }
        if (!kind.equals("remove") && value == null) {
            throw ScimException.invalidValue("Operations[" + index + "]: " + kind + " needs a value");
        }
        if (!isExtension(path)) {
            applyPath(target, kind, parsePath(path), value);
        }
    }

    /**
     * Attributes of schema extensions (the enterprise user's department, manager...) are not kept here: an IdP sends
     * them whether or not a server has them, so they are ignored as unknown attributes of a PUT are.
     */
    static boolean isExtension(String path) {
        String lower = path.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("urn:") && !lower.startsWith(ScimJson.USER_SCHEMA.toLowerCase(Locale.ROOT))
                && !lower.startsWith(ScimJson.GROUP_SCHEMA.toLowerCase(Locale.ROOT));
    }

    /** {@code attr[.sub]} or {@code attr[filter][.sub]}. */
    record Path(String attribute, ScimFilter filter, String subAttribute) {
    }

    static Path parsePath(String text) {
        ScimFilter.Parser parser = new ScimFilter.Parser(text);
        String first;
        try {
            first = parser.attributePath();
        } catch (ScimException e) {
            throw new ScimException(400, "invalidPath", "the path '" + text + "' is not one this server understands");
        }
        String[] parts = first.split("\\.", 2);
        ScimFilter filter = null;
        String sub = parts.length > 1 ? parts[1] : null;
        try {
            if (parser.peek() == '[') {
                if (sub != null) {
                    throw parser.error("a filter must follow the attribute");
                }
                parser.expect('[');
                filter = parser.filter(null, parts[0]);
                parser.skipSpace();
                parser.expect(']');
                if (parser.peek() == '.') {
                    parser.expect('.');
                    sub = parser.attributePath();
                }
            }
            parser.skipSpace();
            if (!parser.atEnd()) {
                throw parser.error("unexpected '" + parser.rest() + "'");
            }
        } catch (ScimException e) {
            throw new ScimException(400, "invalidPath", "the path '" + text + "' is not valid: " + e.getMessage());
        }
        return new Path(parts[0], filter, sub);
    }

    @SuppressWarnings("unchecked")
    private static void applyPath(Map<String, Object> target, String kind, Path path, JsonValue value) {
        String key = keyOf(target, path.attribute());
        Object current = target.get(key);
        if (path.filter() == null && path.subAttribute() != null) {
            // a sub-attribute of a complex attribute: name.givenName
            Map<String, Object> complex = current instanceof Map<?, ?> map ? (Map<String, Object>) map
                    : new LinkedHashMap<>();
            target.put(key, complex);
            setOrRemove(complex, kind, path.subAttribute(), value);
            if (complex.isEmpty()) {
                target.remove(key);
            }
            return;
        }
        if (path.filter() == null) {
            if (kind.equals("remove")) {
                if (value instanceof JsonArray doomed && current instanceof List<?> list) {
                    // remove of listed members: {"op":"remove","path":"members","value":[{"value":"id"}]}
                    ((List<Object>) list).removeIf(element -> doomed.stream().anyMatch(gone -> sameElement(
                            frozen(element), gone)));
                } else {
                    target.remove(key);
                }
                return;
            }
            if (current instanceof List<?> list && kind.equals("add")) {
                List<Object> elements = (List<Object>) list;
                for (JsonValue added : value instanceof JsonArray array ? array : List.of(value)) {
                    if (elements.stream().noneMatch(element -> sameElement(frozen(element), added))) {
                        elements.add(mutable(added));
                    }
                }
                return;
            }
            if (current instanceof Map<?, ?> map && value instanceof JsonObject object) {
                object.forEach((name, sub) -> setOrRemove((Map<String, Object>) map, "replace", name, sub));
                return;
            }
            target.put(key, mutable(value));
            return;
        }
        // a value filter: emails[type eq "work"].value, members[value eq "id"]
        List<Object> elements = current instanceof List<?> list ? (List<Object>) list : new ArrayList<>();
        List<Object> matching = elements.stream()
                .filter(element -> frozen(element) instanceof JsonObject object && path.filter().matches(object))
                .toList();
        if (kind.equals("remove")) {
            if (path.subAttribute() == null) {
                elements.removeAll(matching);
            } else {
                matching.forEach(element -> keyRemove((Map<String, Object>) element, path.subAttribute()));
            }
        } else if (matching.isEmpty()) {
            Map<String, Object> created = new LinkedHashMap<>();
            for (ScimFilter.Term term : path.filter().terms()) {
                if (term.nested() != null || term.subAttribute() != null) {
                    throw new ScimException(400, "noTarget", "nothing matches the path's filter, and it is not"
                            + " plain enough to create the value from");
                }
                created.put(term.attribute(), term.value());
            }
            setOrRemove(created, kind, path.subAttribute(), value);
            elements.add(created);
        } else {
            for (Object element : matching) {
                setOrRemove((Map<String, Object>) element, kind, path.subAttribute(), value);
            }
        }
        target.put(key, elements);
    }

    /** Sets (or with a null name, merges) {@code value} into {@code complex}. */
    @SuppressWarnings("unchecked")
    private static void setOrRemove(Map<String, Object> complex, String kind, String name, JsonValue value) {
        if (name == null) {
            if (value instanceof JsonObject object) {
                object.forEach((sub, subValue) -> complex.put(keyOf(complex, sub), mutable(subValue)));
            } else {
                throw ScimException.invalidValue("the value for a filtered path without a sub-attribute must be an"
                        + " object");
            }
            return;
        }
        if (kind.equals("remove")) {
            keyRemove(complex, name);
        } else {
            complex.put(keyOf(complex, name), mutable(value));
        }
    }

    private static void keyRemove(Map<String, Object> complex, String name) {
        complex.remove(keyOf(complex, name));
    }

    /** Two elements of a multi-valued attribute are the same when their "value" is (members, emails). */
    private static boolean sameElement(JsonValue element, JsonValue other) {
        if (element instanceof JsonObject a && other instanceof JsonObject b) {
            JsonValue left = ScimJson.get(a, "value");
            JsonValue right = ScimJson.get(b, "value");
            if (left instanceof JsonString l && right instanceof JsonString r) {
                return l.getString().equalsIgnoreCase(r.getString());
            }
        }
        return element.equals(other);
    }

    /** The existing key spelled in any case (attribute names are case-insensitive), or the name as given. */
    private static String keyOf(Map<String, Object> map, String name) {
        for (String key : map.keySet()) {
            if (key.equalsIgnoreCase(name)) {
                return key;
            }
        }
        return name;
    }

    private static Map<String, Object> mutable(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((key, value) -> map.put(key, mutable(value)));
        return map;
    }

    private static Object mutable(JsonValue value) {
        if (value instanceof JsonObject object) {
            return mutable(object);
        }
        if (value instanceof JsonArray array) {
            List<Object> list = new ArrayList<>();
            array.forEach(item -> list.add(mutable(item)));
            return list;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static JsonValue frozen(Object value) {
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder builder = Json.createObjectBuilder();
            ((Map<String, Object>) map).forEach((key, item) -> builder.add(key, frozen(item)));
            return builder.build();
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder builder = Json.createArrayBuilder();
            list.forEach(item -> builder.add(frozen(item)));
            return builder.build();
        }
        return (JsonValue) value;
    }
}
