package org.custodian.application.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.custodian.domain.model.notification.NotificationKind;

/**
 * The notification texts per language (notification_en/de.properties next to this class). They take only the
 * ticket's number and reference, its subject as the recipient's view shows it, the actor's username, the team's
 * name, the recipient's own name and the portal link: no comment bodies, no customer data.
 */
final class NotificationTexts {

    private static final Map<String, Properties> CACHE = new ConcurrentHashMap<>();

    private NotificationTexts() {
    }

    /** de for German, else en (the portal's two languages). */
    static String language(String locale) {
        String lang = locale == null ? "en" : locale.trim().toLowerCase(Locale.ROOT);
        return lang.startsWith("de") ? "de" : "en";
    }

    /** The line in the in-app list. */
    static String listLine(String language, NotificationKind kind, boolean toTeam, String ticket, String actor,
            String team) {
        return text(language, "list." + kind.name(), toTeam)
                .replace("{actor}", actor == null ? "" : actor)
                .replace("{team}", team == null ? "" : team)
                .replace("{ticket}", ticket);
    }

    /** [subject, text] of the mail; {@code subject} null: the recipient may not see it. */
    static String[] mail(String language, NotificationKind kind, boolean toTeam, String reference, String subject,
            String actor, String team, String name, String link) {
        String shownSubject = subject == null ? text(language, "word.hidden") : oneLine(subject);
        String event = listLine(language, kind, toTeam, reference, actor, team);
        String mailSubject = text(language, "mail.subject." + kind.name(), toTeam)
                .replace("{team}", team == null ? "" : team).replace("{reference}", reference)
                .replace("{subject}", shownSubject);
        String body = text(language, "mail.body").replace("{name}", name).replace("{event}", event)
                .replace("{reference}", reference).replace("{link}", link).replace("{subject}", shownSubject);
        return new String[] {mailSubject.length() > 250 ? mailSubject.substring(0, 250) : mailSubject, body};
    }

    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\t]+", " ").trim();
    }

    /** The team's wording when there is one (a kind without it says the same to a team as to a person). */
    private static String text(String language, String key, boolean toTeam) {
        Properties texts = CACHE.computeIfAbsent(language(language), NotificationTexts::load);
        return toTeam && texts.getProperty(key + ".team") != null ? texts.getProperty(key + ".team")
                : text(language, key);
    }

    private static String text(String language, String key) {
        String value = CACHE.computeIfAbsent(language(language), NotificationTexts::load).getProperty(key);
        if (value == null) {
            throw new IllegalStateException("no notification text " + key);
        }
        return value;
    }

    private static Properties load(String language) {
        try (InputStream in = NotificationTexts.class.getResourceAsStream("notification_" + language + ".properties")) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
