package org.custodian.application.scim;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Locale;
import org.custodian.domain.model.user.UserRules;

/**
 * What a SCIM User body asks for, in our terms. {@code userName} is lower-cased (it is caseExact=false in
 * RFC 7643, and sign-in lower-cases too); the display name is {@code displayName}, else {@code name.formatted},
 * else given and family name, else the userName; the e-mail is the primary one (else the first); the locale is the
 * language of {@code locale} or {@code preferredLanguage} when it is one of the portal's ({@code en-US} is
 * {@code en}), otherwise null (kept as it is, {@code en} for a new user). {@code password} is never taken: users
 * set theirs through an invitation, or sign in at the IdP.
 */
record ScimUserInput(String userName, String displayName, String givenName, String familyName, String formatted,
        String email, String emailType, Boolean active, String externalId, String locale, String timeZone) {

    static ScimUserInput from(JsonObject body) {
        String userName = ScimJson.text(body, "userName");
        if (userName == null || userName.isBlank()) {
            throw ScimException.invalidValue("'userName' is required");
        }
        JsonObject name = ScimJson.object(body, "name");
        String given = blankToNull(ScimJson.text(name, "givenName"));
        String family = blankToNull(ScimJson.text(name, "familyName"));
        String formatted = blankToNull(ScimJson.text(name, "formatted"));
        String displayName = blankToNull(ScimJson.text(body, "displayName"));
        if (displayName == null) {
            displayName = formatted != null ? formatted
                    : given != null || family != null ? String.join(" ", java.util.stream.Stream.of(given, family)
                            .filter(java.util.Objects::nonNull).toList()) : userName.trim();
        }
        String email = null;
        String emailType = null;
        JsonValue emails = ScimJson.get(body, "emails");
        if (emails instanceof JsonArray list) {
            JsonObject chosen = null;
            for (JsonValue item : list) {
                if (!(item instanceof JsonObject element)) {
                    throw ScimException.invalidValue("'emails' must be an array of objects");
                }
                if (chosen == null || Boolean.TRUE.equals(ScimJson.bool(ScimJson.get(element, "primary"), "primary"))
                        && !Boolean.TRUE.equals(ScimJson.bool(ScimJson.get(chosen, "primary"), "primary"))) {
                    chosen = element;
                }
            }
            if (chosen != null) {
                email = blankToNull(ScimJson.text(chosen, "value"));
                emailType = blankToNull(ScimJson.text(chosen, "type"));
            }
        } else if (emails != null && emails.getValueType() != JsonValue.ValueType.NULL) {
            throw ScimException.invalidValue("'emails' must be an array");
        }
        Boolean active = ScimJson.bool(ScimJson.get(body, "active"), "active");
        return new ScimUserInput(userName.trim().toLowerCase(Locale.ROOT), displayName, given, family, formatted,
                email, emailType == null ? null : emailType.toLowerCase(Locale.ROOT), active,
                blankToNull(ScimJson.text(body, "externalId")), language(body),
                blankToNull(ScimJson.text(body, "timezone")));
    }

    private static String language(JsonObject body) {
        for (String attribute : new String[] {"locale", "preferredLanguage"}) {
            String tag = blankToNull(ScimJson.text(body, attribute));
            if (tag != null) {
                String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
                if (UserRules.LOCALES.contains(language)) {
                    return language;
                }
            }
        }
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
