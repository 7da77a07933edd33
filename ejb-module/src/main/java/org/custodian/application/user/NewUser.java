package org.custodian.application.user;

import java.util.List;

/** A user to create; {@code timeZone} (default UTC), {@code locale} (default en) and {@code active} are optional. */
public record NewUser(String username, String displayName, String email, List<String> roles, List<String> regions,
        String timeZone, String locale, Boolean active) {
}
