package org.custodian.application.user;

import java.time.Instant;
import org.custodian.application.shared.Caller;

/** One-time links that let a user set their password (instead of trust on first use). */
public interface InvitationService {

    /** A new link for the user (voiding any earlier one); the token is in the answer only, never stored. */
    IssuedInvitation invite(Caller caller, String username);

    /**
     * Sets the password the link's holder chose; 410 when the link was used, replaced or has expired, 404 when it
     * was never issued here.
     */
    AcceptedInvitation accept(String token, String password, String requestId, String clientAddress);

    record IssuedInvitation(String username, String token, Instant expiresAt) {
    }

    /** @param secondFactorRequired whether the user's roles need a second factor they have not enrolled yet */
    record AcceptedInvitation(String username, boolean secondFactorRequired) {
    }
}
