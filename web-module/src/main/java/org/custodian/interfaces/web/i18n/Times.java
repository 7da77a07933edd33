package org.custodian.interfaces.web.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;

/**
 * Instants as a person reads them: in the user's time zone and language, to the minute ("6 Dec 2026, 14:03",
 * "6. Dez. 2026, 14:03"), with the exact UTC value for a tooltip. Pages use the {@code cst:time} tag, which calls
 * this; Java code may call {@link #local(Object)} for a message.
 */
@Named("times")
@RequestScoped
public class Times {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    DisplaySettings display;

    /** The readable local time, or "" for none. */
    public String local(Object value) {
        Instant instant = instant(value);
        return instant == null ? "" : format(instant, display.getZone(), Texts.currentLocale());
    }

    /** For Java code building a message: {@link #local(Object)} for the current request's user. */
    public static String forUser(Object value) {
        return CDI.current().select(Times.class).get().local(value);
    }

    /** The exact value in UTC, to the second, said so. */
    public String utc(Object value) {
        Instant instant = instant(value);
        return instant == null ? "" : UTC.format(instant);
    }

    /** For {@code <time datetime>}: ISO-8601 in UTC, to the second. */
    public String iso(Object value) {
        Instant instant = instant(value);
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Whether the value is a time (so {@code cst:time} shows it as one, anything else as text). */
    public boolean isInstant(Object value) {
        return instant(value) != null;
    }

    static String format(Instant instant, ZoneId zone, Locale locale) {
        String pattern = "de".equals(locale.getLanguage()) ? "d. MMM yyyy, HH:mm" : "d MMM yyyy, HH:mm";
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(zone).format(instant);
    }

    /** Whatever the services hand the pages: Instant, OffsetDateTime, ZonedDateTime, Date, or ISO text. */
    static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        } else if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        } else if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        } else if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC); // the application keeps timestamps in UTC
        } else if (value instanceof Date date) {
            return date.toInstant();
        } else if (value instanceof CharSequence text && !text.toString().isBlank()) {
            try {
                return Instant.parse(text.toString().trim());
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(text.toString().trim()).toInstant();
                } catch (DateTimeParseException notOffset) {
                    return null;
                }
            }
        }
        return null;
    }
}
