package org.custodian.application.auth;

import java.util.List;
import java.util.Optional;
import org.custodian.application.shared.Caller;

public interface AuthenticationService {

    /**
     * Checks the credentials and issues a token. Wrong password and unknown user fail alike
     * ({@link AuthenticationFailedException}); repeated failures are throttled
     * ({@link TooManyAttemptsException}). Success and failure are both audited. A user with an enrolled second
     * factor must also send a current code ({@code oneTimeCode}) or a recovery code.
     */
    AccessToken signIn(String username, char[] password, String oneTimeCode, String requestId, String clientAddress);

    /** The first step of a portal sign-in: the same checks, throttle and audit as {@link #signIn}. */
    PasswordChecked checkPassword(String username, char[] password, String requestId, String clientAddress);

    /**
     * The second step, after {@link #checkPassword} asked for {@link SecondFactorStep#VERIFY}: a TOTP code (each
     * accepted once) or an unused recovery code. Failures count towards the same lockout as wrong passwords.
     */
    Caller checkSecondFactor(Caller signingIn, String code);

    /** Starts (or starts again) enrolling a second factor for a user who has none confirmed. */
    Enrollment beginEnrollment(Caller signingIn);

    /** Confirms the enrollment with a first code; returns the recovery codes, shown this once. */
    List<String> confirmEnrollment(Caller signingIn, String code);

    /**
     * Removes another user's second factor and recovery codes (a lost device): they enroll again at their next
     * portal sign-in. Needs {@code SECOND_FACTOR_RESET}; one's own factor is refused (someone else must vouch);
     * the reason is audited as a keyed hash. 404 when the user has none.
     */
    void resetSecondFactor(Caller caller, String username, String reason);

    /**
     * The user as the user store has them now (roles and regions), or empty if they no longer exist or were
     * disabled: a portal session checks this now and then, so a revoked role does not live on in it.
     */
    Optional<CurrentAccess> current(String username, String requestId, String clientAddress);

    /**
     * @param secondFactorNeeded whether signing in now would ask for a second factor (the user enrolled one, or
     *        holds a role that needs one): a session that never gave one must not keep going once this is true
     */
    record CurrentAccess(Caller caller, boolean secondFactorNeeded) {
    }

    /** Records the end of a portal session: signed out, or expired by a timeout. */
    void recordSignOut(Caller caller, boolean expired, String why);
}
