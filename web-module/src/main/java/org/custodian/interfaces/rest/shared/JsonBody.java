package org.custodian.interfaces.rest.shared;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.PlainText;
import org.custodian.domain.shared.RuleCheck;

/**
 * Reads request bodies strictly, so that what a client meant is never guessed: the bytes must be
 * UTF-8, the body exactly one JSON object (no trailing content), field values of the declared
 * JSON type (a number is not silently a string, 1.5 is not silently 1), and no unknown fields.
 * Syntax problems are a 400; a wrong type or an unknown field is a violation naming the field.
 */
public final class JsonBody {

    private final JsonObject object;
    private final RuleCheck check;

    private JsonBody(JsonObject object, RuleCheck check) {
        this.object = object;
        this.check = check;
    }

    /** Parses {@code bytes} as one JSON object; fields outside {@code allowed} (unless null) are violations. */
    public static JsonBody of(byte[] bytes, Set<String> allowed, RuleCheck check) {
        JsonObject object = parseObject(bytes);
        if (allowed != null) {
            Set<String> unknown = new TreeSet<>(object.keySet());
            unknown.removeAll(allowed);
            for (String field : unknown) {
                check.require(false, field, "is not a field of this request; known fields: " + new TreeSet<>(allowed));
            }
        }
        return new JsonBody(object, check);
    }

    /**
     * Parses {@code bytes} and builds the request's input from it; every violation (unknown fields, wrong types)
     * is thrown at once, after the build has read every field.
     */
    public static <T> T read(byte[] bytes, Set<String> allowed, Function<JsonBody, T> build) {
        RuleCheck check = new RuleCheck();
        T input = build.apply(of(bytes, allowed, check));
        check.throwIfAny();
        return input;
    }

    /** The one text field of a body such as {@code {"reason": "..."}}. */
    public static String textField(byte[] bytes, String field) {
        return read(bytes, Set.of(field), json -> json.text(field));
    }

    /** An absent or empty body reads as an empty object (for requests whose body is optional). */
    public static JsonBody optional(byte[] bytes, Set<String> allowed, RuleCheck check) {
        boolean empty = bytes == null || new String(bytes, StandardCharsets.UTF_8).isBlank();
        return empty ? new JsonBody(JsonValue.EMPTY_JSON_OBJECT, check) : of(bytes, allowed, check);
    }

    public static JsonObject parseObject(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new MalformedBodyException("the request needs a JSON object as its body");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedBodyException("the body is not valid UTF-8");
        }
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new MalformedBodyException("the body must be a JSON object ({...})");
            }
            JsonObject object = parser.getObject();
            if (parser.hasNext()) {
                throw new MalformedBodyException("the body has content after the JSON object");
            }
            return refuseUnplainText(object);
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            throw new MalformedBodyException("the body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")"));
        } catch (MalformedBodyException | DomainRuleViolationException e) {
            throw e;
        } catch (RuntimeException e) {
            // e.g. nesting beyond the parser's depth limit
            throw new MalformedBodyException("the body is not a JSON object this API can read");
        }
    }

    /** The object, once every string in it is plain text: else a 422 naming each field that is not. */
    private static JsonObject refuseUnplainText(JsonObject object) {
        RuleCheck plain = new RuleCheck();
        refuseUnplainText(object, "", plain);
        plain.throwIfAny();
        return object;
    }

    /**
     * Every string in the body, names included, at any depth, must be plain text ({@link PlainText}): one check
     * here covers every endpoint, before any value reaches a service or the database.
     */
    private static void refuseUnplainText(JsonValue value, String path, RuleCheck check) {
        if (value instanceof JsonString string) {
            PlainText.check(string.getString(), path, check);
        } else if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> field : object.entrySet()) {
                String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (PlainText.refusal(field.getKey()).isPresent()) {
                    check.require(false, name.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?"),
                            "is not a field name this API knows: names are plain text");
                } else {
                    refuseUnplainText(field.getValue(), name, check);
                }
            }
        } else if (value instanceof JsonArray array) {
            for (int at = 0; at < array.size(); at++) {
                refuseUnplainText(array.get(at), path + "[" + at + "]", check);
            }
        }
    }

    public boolean has(String field) {
        return object.containsKey(field);
    }

    /** A string field, or null when absent or JSON null; any other type is a violation. */
    public String text(String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        check.require(false, field, "must be a JSON string");
        return null;
    }

    /** An array of strings, or null when absent or JSON null; anything else is a violation. */
    public List<String> textList(String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonArray array) {
            List<String> texts = new ArrayList<>(array.size());
            for (JsonValue item : array) {
                if (!(item instanceof JsonString string)) {
                    check.require(false, field, "must be an array of strings");
                    return null;
                }
                texts.add(string.getString());
            }
            return texts;
        }
        check.require(false, field, "must be an array of strings, e.g. [\"EU\"]");
        return null;
    }

    /** A true/false field, or null when absent or JSON null; any other type is a violation. */
    public Boolean bool(String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
            return value.getValueType() == JsonValue.ValueType.TRUE;
        }
        check.require(false, field, "must be true or false");
        return null;
    }

    /** A whole-number field within the range of a long, or null when absent or JSON null. */
    public Long wholeNumber(String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.bigIntegerValueExact().longValueExact();
            } catch (ArithmeticException e) {
                // falls through to the violation
            }
        }
        check.require(false, field, "must be a whole number");
        return null;
    }

    /**
     * A whole-number field that fits an int, or null when absent or JSON null; a larger one is the violation
     * {@code outOfRange} here, not an overflow later.
     */
    public Integer intNumber(String field, String outOfRange) {
        Long value = wholeNumber(field);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            check.require(false, field, outOfRange);
            return null;
        }
        return value == null ? null : value.intValue();
    }

    /** Every field as text (strings, or numbers written as in the body), for parameter maps. */
    public Map<String, JsonValue> fields() {
        return object;
    }
}
