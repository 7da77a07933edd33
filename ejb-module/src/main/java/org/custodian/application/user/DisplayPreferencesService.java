package org.custodian.application.user;

import java.util.Optional;

/**
 * How a user wants to see the portal: their time zone and language from their profile (#22). Read for the
 * signed-in user only (their own profile, no permission beyond being signed in); nothing personal is returned.
 */
public interface DisplayPreferencesService {

    /** The user's time zone (IANA id) and language (en, de), or empty for an unknown user. */
    Optional<DisplayPreferences> of(String username);

    record DisplayPreferences(String timeZone, String locale) {
    }
}
