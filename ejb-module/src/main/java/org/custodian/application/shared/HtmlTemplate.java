package org.custodian.application.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A page of HTML with {@code {{name}}} values and {@code {{#name}}...{{/name}}} sections, for the documents the server
 * renders itself. Every value goes through {@link Html#escape}: there is no way to insert raw markup, so a text that
 * came from a person can never open a tag.
 *
 * <p>A section repeats its body for each element of a list value (each element a {@code Map} whose names hide the
 * outer ones), shows it once for {@code true} or any other non-null value, and drops it for {@code null},
 * {@code false} or an empty list. A name no scope defines is an error, so a typo fails instead of printing nothing.
 * Parsed once; instances are immutable and thread-safe.
 */
public final class HtmlTemplate {

    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";

    private sealed interface Node permits Literal, Value, Section {
    }

    private record Literal(String text) implements Node {
    }

    private record Value(String name) implements Node {
    }

    private record Section(String name, List<Node> body) implements Node {
    }

    private final List<Node> nodes;

    private HtmlTemplate(List<Node> nodes) {
        this.nodes = nodes;
    }

    /** The template in the UTF-8 resource {@code name}, relative to {@code owner}'s package. */
    public static HtmlTemplate fromResource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("template " + name + " not found next to " + owner.getName());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("template " + name + " could not be read", e);
        }
    }

    public static HtmlTemplate parse(String template) {
        Deque<Section> open = new ArrayDeque<>();
        Deque<List<Node>> bodies = new ArrayDeque<>();
        bodies.push(new ArrayList<>());
        int pos = 0;
        while (pos < template.length()) {
            int tagStart = template.indexOf(OPEN, pos);
            if (tagStart < 0) {
                bodies.peek().add(new Literal(template.substring(pos)));
                break;
            }
            int tagEnd = template.indexOf(CLOSE, tagStart + OPEN.length());
            if (tagEnd < 0) {
                throw new IllegalArgumentException("unclosed {{ at offset " + tagStart);
            }
            if (tagStart > pos) {
                bodies.peek().add(new Literal(template.substring(pos, tagStart)));
            }
            String tag = template.substring(tagStart + OPEN.length(), tagEnd).strip();
            if (tag.startsWith("#")) {
                Section section = new Section(tag.substring(1).strip(), new ArrayList<>());
                bodies.peek().add(section);
                open.push(section);
                bodies.push(section.body());
            } else if (tag.startsWith("/")) {
                String name = tag.substring(1).strip();
                if (open.isEmpty() || !open.peek().name().equals(name)) {
                    throw new IllegalArgumentException("{{/" + name + "}} at offset " + tagStart + " closes "
                            + (open.isEmpty() ? "no section" : "{{#" + open.peek().name() + "}}"));
                }
                open.pop();
                bodies.pop();
            } else {
                bodies.peek().add(new Value(tag));
            }
            pos = tagEnd + CLOSE.length();
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("{{#" + open.peek().name() + "}} is never closed");
        }
        return new HtmlTemplate(List.copyOf(bodies.pop()));
    }

    /** The page for {@code values}; a value is shown as its {@code toString()}, escaped, and null as nothing. */
    public String render(Map<String, ?> values) {
        StringBuilder out = new StringBuilder(4096);
        Deque<Map<String, ?>> scopes = new ArrayDeque<>();
        scopes.push(values);
        render(nodes, scopes, out);
        return out.toString();
    }

    private static void render(List<Node> nodes, Deque<Map<String, ?>> scopes, StringBuilder out) {
        for (Node node : nodes) {
            if (node instanceof Literal literal) {
                out.append(literal.text());
            } else if (node instanceof Value value) {
                Object resolved = lookUp(value.name(), scopes);
                out.append(Html.escape(resolved == null ? null : resolved.toString()));
            } else if (node instanceof Section section) {
                renderSection(section, lookUp(section.name(), scopes), scopes, out);
            }
        }
    }

    private static void renderSection(Section section, Object value, Deque<Map<String, ?>> scopes,
            StringBuilder out) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return;
        }
        if (!(value instanceof Iterable<?> elements)) {
            render(section.body(), scopes, out);
            return;
        }
        for (Object element : elements) {
            if (!(element instanceof Map<?, ?> scope)) {
                throw new IllegalArgumentException("{{#" + section.name() + "}} repeats over a list of "
                        + (element == null ? "null" : element.getClass().getSimpleName()) + ", not of maps");
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> names = (Map<String, ?>) scope;
            scopes.push(names);
            render(section.body(), scopes, out);
            scopes.pop();
        }
    }

    private static Object lookUp(String name, Deque<Map<String, ?>> scopes) {
        for (Map<String, ?> scope : scopes) {
            if (scope.containsKey(name)) {
                return scope.get(name);
            }
        }
        throw new IllegalArgumentException("no value for {{" + name + "}}");
    }
}
