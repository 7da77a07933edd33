package org.custodian.interfaces.rest.shared;

import org.custodian.domain.shared.DomainRuleViolationException;

/** Reads the version a client expects from If-Match; the ETags this API sends are plain version numbers. */
public final class IfMatch {

    private IfMatch() {
    }

    /** The expected version, or null when the header is absent or "*" (meaning "any"). */
    public static Long expectedVersion(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new DomainRuleViolationException("If-Match",
                    "must be the ETag from reading the " + what + ", e.g. \"3\"");
        }
    }
}
