package org.custodian.infrastructure.mail;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML made plain text for storage: scripts, styles, comments and heads are dropped with their content, block
 * elements become line breaks, every other tag goes, entities are decoded. Nothing of the HTML survives, so nothing
 * of it can run where the text is shown (the portal escapes text anyway).
 */
final class HtmlText {

    private static final Pattern DROPPED = Pattern.compile(
            "(?is)<!--.*?-->|<(script|style|head|title|template|noscript)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern BREAK = Pattern.compile(
            "(?i)<\\s*(br|/p|/div|/li|/tr|/h[1-6]|/blockquote|/pre|/table)\\b[^>]*>");
    private static final Pattern ITEM = Pattern.compile("(?i)<\\s*li\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

    private HtmlText() {
    }

    static String toText(String html) {
        if (html == null) {
            return null;
        }
        String text = DROPPED.matcher(html).replaceAll(" ");
        text = BREAK.matcher(text).replaceAll("\n");
        text = ITEM.matcher(text).replaceAll("\n- ");
        text = TAG.matcher(text).replaceAll("");
        // a stray "<" of a broken tag would stay; it is text then, and harmless as text
        text = decode(text);
        text = text.replace('\u00A0', ' ').replaceAll("[ \\t\\x0B\\f]+", " ").replaceAll(" *\\n *", "\n");
        return text.replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static String decode(String text) {
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(entity(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String entity(String name) {
        if (name.startsWith("#")) {
            try {
                int code = name.startsWith("#x") || name.startsWith("#X") ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(code) && !Character.isISOControl(code) ? new String(
                        Character.toChars(code)) : " ";
            } catch (NumberFormatException e) {
                return " ";
            }
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            case "auml" -> name.equals("Auml") ? "Ä" : "ä";
            case "ouml" -> name.equals("Ouml") ? "Ö" : "ö";
            case "uuml" -> name.equals("Uuml") ? "Ü" : "ü";
            case "szlig" -> "ß";
            case "euro" -> "€";
            default -> "&" + name + ";";
        };
    }
}
