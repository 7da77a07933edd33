package org.custodian.domain.model.user;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.shared.RuleCheck;

/**
 * What a user's fields may hold. Every refusal says what would be right, so an administrator (or an IdP's
 * provisioning) can correct the request without reading the code.
 */
public final class UserRules {

    public static final int MAX_USERNAME = 64;
    public static final int MAX_DISPLAY_NAME = 200;
    public static final int MAX_EMAIL = 254;
    /** The portal's languages. */
    public static final List<String> LOCALES = List.of("en", "de");

    /**
     * Lower case letters, digits, '.', '_', '-' and '@' (an IdP's user names are often e-mail addresses, #22);
     * starts with a letter or digit (sign-in lower-cases what it gets).
     */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
    /** A pragmatic address check: one '@', a dot in the domain, no spaces; the mailbox is the IdP's business. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private UserRules() {
    }

    public static void username(String username, RuleCheck check) {
        check.require(username != null && USERNAME.matcher(username).matches(), "username",
                "must be 2 to 64 characters: lower-case letters a-z, digits and . _ - @, starting with a letter or"
                        + " digit (e.g. jane.doe or jane.doe@example.com)");
    }

    public static void displayName(String displayName, RuleCheck check) {
        check.requireText(displayName, "displayName", 1, MAX_DISPLAY_NAME);
    }

    public static void email(String email, RuleCheck check) {
        check.require(email != null && email.length() <= MAX_EMAIL && EMAIL.matcher(email).matches(), "email",
                "must be an e-mail address such as jane.doe@example.com (at most 254 characters)");
    }

    public static void timeZone(String timeZone, RuleCheck check) {
        check.require(isTimeZone(timeZone), "timeZone", "must be an IANA time zone id such as Europe/Berlin,"
                + " America/New_York or UTC");
    }

    static boolean isTimeZone(String id) {
        // ZoneId.of also takes offsets like +02:00; an IANA id names a region (or UTC)
        return id != null && ZoneId.getAvailableZoneIds().contains(id);
    }

    public static void locale(String locale, RuleCheck check) {
        check.require(locale != null && LOCALES.contains(locale), "locale", "must be one of " + LOCALES);
    }

    /** The roles named, or a violation naming every unknown one (and the known ones). */
    public static Set<Role> roles(List<String> names, RuleCheck check) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            Role found = null;
            for (Role role : Role.values()) {
                if (name != null && role.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                    found = role;
                }
            }
            if (found == null) {
                unknown.add(String.valueOf(name));
            } else {
                roles.add(found);
            }
        }
        check.require(unknown.isEmpty(), "roles", "unknown role(s) " + unknown + "; known roles: "
                + List.of(Role.values()));
        return roles;
    }

    /** The regions named, or a violation naming every unknown one. */
    public static Set<Region> regions(List<String> names, RuleCheck check) {
        Set<Region> regions = EnumSet.noneOf(Region.class);
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            Region.parse(name).ifPresentOrElse(regions::add, () -> unknown.add(String.valueOf(name)));
        }
        check.require(unknown.isEmpty(), "regions", "unknown region(s) " + unknown + "; known regions: "
                + Region.allowedValues());
        return regions;
    }
}
