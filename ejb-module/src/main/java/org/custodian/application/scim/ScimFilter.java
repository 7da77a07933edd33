package org.custodian.application.scim;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The filters of RFC 7644 3.4.2.2 that provisioning clients send: equality ({@code eq}) of an attribute, joined by
 * {@code and}, with value filters on multi-valued attributes ({@code emails[value eq "x"]},
 * {@code members[value eq "id"]}). {@code userName eq "x"} (Okta, Entra ID), {@code externalId eq "x"} and
 * {@code displayName eq "x"} are the ones they use. Other operators, {@code or}, {@code not}, parentheses and
 * attributes the resource type does not offer are refused as {@code invalidFilter}, never guessed at.
 * Comparison is case-insensitive except for {@code id} and {@code externalId} (caseExact in RFC 7643).
 */
public final class ScimFilter {

    /** {@code path op value}, or {@code path[filter]} when {@code nested} is set (value unused). */
    record Term(String attribute, String subAttribute, JsonValue value, ScimFilter nested) {
    }

    private final List<Term> terms;

    private ScimFilter(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    /**
     * @param allowed the attribute paths this resource type filters on, lower case ({@code username},
     *        {@code emails.value}, {@code members.value}, ...); a value filter {@code a[b eq v]} needs {@code a.b}
     */
    public static ScimFilter parse(String text, Set<String> allowed) {
        if (text == null || text.isBlank()) {
            throw ScimException.invalidFilter("the filter is empty");
        }
        if (text.length() > 1000) {
            throw ScimException.invalidFilter("the filter is longer than 1000 characters");
        }
        Parser parser = new Parser(text);
        ScimFilter filter = parser.filter(allowed, null);
        parser.skipSpace();
        if (!parser.atEnd()) {
            throw parser.error("unexpected '" + parser.rest() + "'");
        }
        return filter;
    }

    /** Whether a resource (its JSON representation) matches. */
    public boolean matches(JsonObject resource) {
        for (Term term : terms) {
            if (!matches(term, resource)) {
                return false;
            }
        }
        return true;
    }

    /** The value an equality term on a top-level attribute asks for (to narrow a search), if there is one. */
    public Optional<String> equalityOn(String attribute) {
        for (Term term : terms) {
            if (term.nested() == null && term.subAttribute() == null && term.attribute().equalsIgnoreCase(attribute)
                    && term.value() instanceof JsonString string) {
                return Optional.of(string.getString());
            }
        }
        return Optional.empty();
    }

    List<Term> terms() {
        return terms;
    }

    private static boolean matches(Term term, JsonObject resource) {
        JsonValue value = ScimJson.get(resource, term.attribute());
        if (value == null) {
            return term.nested() == null && term.value().getValueType() == JsonValue.ValueType.NULL;
        }
        List<JsonValue> candidates = value instanceof JsonArray array ? new ArrayList<>(array) : List.of(value);
        for (JsonValue candidate : candidates) {
            if (term.nested() != null) {
                if (candidate instanceof JsonObject element && term.nested().matches(element)) {
                    return true;
                }
            } else if (term.subAttribute() != null) {
                if (candidate instanceof JsonObject element
                        && equal(ScimJson.get(element, term.subAttribute()), term.value(), term.subAttribute())) {
                    return true;
                }
            } else if (equal(candidate, term.value(), term.attribute())) {
                return true;
            }
        }
        return false;
    }

    static boolean equal(JsonValue actual, JsonValue wanted, String attribute) {
        if (actual == null || actual.getValueType() == JsonValue.ValueType.NULL) {
            return wanted.getValueType() == JsonValue.ValueType.NULL;
        }
        if (wanted instanceof JsonString text) {
            if (!(actual instanceof JsonString string)) {
                return false;
            }
            boolean exact = attribute.equalsIgnoreCase("id") || attribute.equalsIgnoreCase("externalId");
            return exact ? string.getString().equals(text.getString())
                    : string.getString().equalsIgnoreCase(text.getString());
        }
        if (wanted instanceof JsonNumber number) {
            return actual instanceof JsonNumber other && other.bigDecimalValue().compareTo(number.bigDecimalValue()) == 0;
        }
        if (actual instanceof JsonString string && (wanted == JsonValue.TRUE || wanted == JsonValue.FALSE)) {
            return string.getString().equalsIgnoreCase(String.valueOf(wanted == JsonValue.TRUE));
        }
        return actual.getValueType() == wanted.getValueType();
    }

    /** A small recursive-descent parser over the filter text (also used for PATCH paths). */
    static final class Parser {

        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        /** {@code term (and term)*}, up to the end or a closing bracket. */
        ScimFilter filter(Set<String> allowed, String parent) {
            List<Term> terms = new ArrayList<>();
            terms.add(term(allowed, parent));
            while (true) {
                skipSpace();
                int mark = at;
                String word = word();
                if (word.equalsIgnoreCase("and")) {
                    terms.add(term(allowed, parent));
                } else if (word.equalsIgnoreCase("or") || word.equalsIgnoreCase("not")) {
                    throw error("'" + word + "' is not supported: join comparisons with 'and' only");
                } else {
                    at = mark;
                    return new ScimFilter(terms);
                }
            }
        }

        private Term term(Set<String> allowed, String parent) {
            skipSpace();
            if (peek() == '(') {
                throw error("parentheses are not supported");
            }
            String path = attributePath();
            String[] parts = path.split("\\.", 2);
            String attribute = parts[0];
            String sub = parts.length > 1 ? parts[1] : null;
            if (peek() == '[') {
                if (parent != null || sub != null) {
                    throw error("value filters cannot be nested");
                }
                at++;
                ScimFilter nested = filter(allowed, attribute);
                skipSpace();
                expect(']');
                return new Term(attribute, null, null, nested);
            }
            String full = (parent == null ? "" : parent + ".") + path;
            if (allowed != null && !allowed.contains(full.toLowerCase(Locale.ROOT))) {
                throw ScimException.invalidFilter("filtering on '" + full + "' is not supported; supported: "
                        + new java.util.TreeSet<>(allowed));
            }
            skipSpace();
            String operator = word();
            if (operator.isEmpty()) {
                throw error("an operator is missing after '" + path + "'");
            }
            if (!operator.equalsIgnoreCase("eq")) {
                throw ScimException.invalidFilter("the operator '" + operator + "' is not supported; only 'eq'");
            }
            skipSpace();
            return new Term(attribute, sub, value(), null);
        }

        /** {@code [urn:...:]name[.sub]}; the core schemas' URN prefix is dropped. */
        String attributePath() {
            skipSpace();
            int start = at;
            while (!atEnd() && (Character.isLetterOrDigit(peek()) || "-_.:$".indexOf(peek()) >= 0)) {
                at++;
            }
            String path = text.substring(start, at);
            if (path.isEmpty()) {
                throw error("an attribute name is expected");
            }
            String lower = path.toLowerCase(Locale.ROOT);
            for (String urn : List.of(ScimJson.USER_SCHEMA.toLowerCase(Locale.ROOT) + ":",
                    ScimJson.GROUP_SCHEMA.toLowerCase(Locale.ROOT) + ":")) {
                if (lower.startsWith(urn)) {
                    return path.substring(urn.length());
                }
            }
            if (lower.startsWith("urn:")) {
                throw ScimException.invalidFilter("the schema of '" + path + "' is not supported here");
            }
            return path;
        }

        private JsonValue value() {
            skipSpace();
            if (peek() == '"') {
                int start = at++;
                while (!atEnd() && peek() != '"') {
                    at += peek() == '\\' ? 2 : 1;
                }
                if (atEnd()) {
                    throw error("a string is not closed");
                }
                at++;
                try {
                    return Json.createReader(new StringReader("[" + text.substring(start, at) + "]")).readArray()
                            .get(0);
                } catch (RuntimeException e) {
                    throw error("the string " + text.substring(start, at) + " is not a JSON string");
                }
            }
            String word = word();
            switch (word.toLowerCase(Locale.ROOT)) {
                case "true":
                    return JsonValue.TRUE;
                case "false":
                    return JsonValue.FALSE;
                case "null":
                    return JsonValue.NULL;
                default:
                    try {
                        return Json.createValue(new java.math.BigDecimal(word));
                    } catch (NumberFormatException e) {
                        throw error("a value is expected: a \"string\", true, false, null or a number");
                    }
            }
        }

        private String word() {
            int start = at;
            while (!atEnd() && (Character.isLetterOrDigit(peek()) || "-_.+".indexOf(peek()) >= 0)) {
                at++;
            }
            return text.substring(start, at);
        }

        void expect(char wanted) {
            if (atEnd() || peek() != wanted) {
                throw error("'" + wanted + "' expected");
            }
            at++;
        }

        void skipSpace() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                at++;
            }
        }

        char peek() {
            return atEnd() ? '\0' : text.charAt(at);
        }

        boolean atEnd() {
            return at >= text.length();
        }

        String rest() {
            return text.substring(at);
        }

        ScimException error(String why) {
            return ScimException.invalidFilter(why + " at position " + (at + 1) + " of: " + text);
        }
    }
}
