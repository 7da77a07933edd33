package org.custodian.interfaces.web.i18n;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.custodian.application.user.DisplayPreferencesService;
import org.custodian.application.user.DisplayPreferencesService.DisplayPreferences;
import org.custodian.interfaces.web.session.PortalCaller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The language and time zone of this request. Language: the signed-in user's profile, else the browser's
 * Accept-Language (the first of en, de it names), else English. Time zone: the profile's, else
 * {@code custodian.default-time-zone} ({@code CUSTODIAN_DEFAULT_TIME_ZONE}), else UTC. Read once per request, so a
 * changed profile shows on the next page.
 */
@Named("display")
@RequestScoped
public class DisplaySettings {

    public static final List<String> LANGUAGES = List.of("en", "de");

    @Inject
    PortalCaller portal;

    @Inject
    HttpServletRequest request;

    @EJB
    DisplayPreferencesService preferences;

    @Inject
    @ConfigProperty(name = "custodian.default-time-zone", defaultValue = "UTC")
    String defaultTimeZone;

    private Optional<DisplayPreferences> profile;
    private Locale locale;
    private ZoneId zone;

    public Locale getLocale() {
        if (locale == null) {
            locale = profile().map(DisplayPreferences::locale).flatMap(DisplaySettings::supported)
                    .orElseGet(this::fromBrowser);
        }
        return locale;
    }

    /** For {@code <html lang>}. */
    public String getLanguage() {
        return getLocale().getLanguage();
    }

    public ZoneId getZone() {
        if (zone == null) {
            zone = profile().map(DisplayPreferences::timeZone).flatMap(DisplaySettings::zone)
                    .or(() -> zone(defaultTimeZone)).orElse(ZoneOffset.UTC);
        }
        return zone;
    }

    private Optional<DisplayPreferences> profile() {
        if (profile == null) {
            // from the password step on (second factor, enrollment too): the user is known by then
            profile = portal.identity().flatMap(identity -> preferences.of(identity.username()));
        }
        return profile;
    }

    private Locale fromBrowser() {
        // getLocales() is in the order of the header's q values; a request without the header gives the server's
        // default, so only an Accept-Language actually sent counts
        if (request.getHeader("Accept-Language") != null) {
            for (Locale asked : Collections.list(request.getLocales())) {
                Optional<Locale> found = supported(asked.getLanguage());
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        return Locale.ENGLISH;
    }

    static Optional<Locale> supported(String language) {
        return language == null ? Optional.empty() : LANGUAGES.stream()
                .filter(known -> known.equalsIgnoreCase(language.trim())).findFirst().map(Locale::new);
    }

    static Optional<ZoneId> zone(String id) {
        try {
            return id == null || id.isBlank() ? Optional.empty() : Optional.of(ZoneId.of(id.trim()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
