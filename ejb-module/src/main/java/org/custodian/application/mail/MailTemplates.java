package org.custodian.application.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The customer mail templates, one per language ({@code reply_en.txt}, {@code reply_de.txt} next to this class):
 * the first line is the subject, the rest the text. Placeholders: {@code {subject}}, {@code {reference}},
 * {@code {comment}}, {@code {ticket}}. Only what the customer may see goes in: the ticket's subject (their own words)
 * and the one public comment.
 */
final class MailTemplates {

    static final Map<String, String[]> CACHE = new ConcurrentHashMap<>();

    private MailTemplates() {
    }

    /** [subject, text] in the language, English when there is no template for it. */
    static String[] render(String language, long ticketId, String reference, String subject, String comment) {
        String[] template = CACHE.computeIfAbsent(normalize(language), MailTemplates::load);
        String[] rendered = new String[2];
        for (int i = 0; i < 2; i++) {
            rendered[i] = template[i].replace("{ticket}", String.valueOf(ticketId))
                    .replace("{reference}", reference == null ? "#" + ticketId : reference)
                    .replace("{subject}", subject == null ? "" : subject)
                    .replace("{comment}", comment == null ? "" : comment);
        }
        rendered[0] = MailText.line(rendered[0], 250);
        return rendered;
    }

    static String normalize(String language) {
        String lang = language == null ? "en" : language.trim().toLowerCase(Locale.ROOT);
        return lang.startsWith("de") ? "de" : "en";
    }

    private static String[] load(String language) {
        try (InputStream in = MailTemplates.class.getResourceAsStream("reply_" + language + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("no mail template reply_" + language + ".txt");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return new String[] {text.substring(0, newline).trim(), text.substring(newline + 1)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
