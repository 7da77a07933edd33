package org.custodian.application.auth;

import java.util.Locale;
import org.custodian.domain.shared.RuleCheck;

/**
 * What a password a person chooses must be (NIST SP 800-63B: length over composition rules): 12 to 1024 characters
 * (the sign-in request takes no more), not only spaces, not the username. The hash is {@link PasswordHasher}'s, as
 * for every password here.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;

    private PasswordRules() {
    }

    public static void check(String password, String username, RuleCheck check) {
        boolean sized = password != null && password.length() >= MIN_LENGTH && password.length() <= MAX_LENGTH;
        check.require(sized && !password.isBlank(), "password", "must be " + MIN_LENGTH + " to " + MAX_LENGTH
                + " characters (a passphrase of a few words is good)");
        check.require(!sized || username == null || !password.toLowerCase(Locale.ROOT).contains(username
                .toLowerCase(Locale.ROOT)), "password", "must not contain the username");
    }
}
