package org.custodian.application.user;

import org.custodian.application.shared.Caller;
import org.custodian.application.shared.PageResult;

/**
 * Users as a user administrator sees and changes them. Reading needs {@code USER_READ}, changing
 * {@code USER_MANAGE}. Grants of {@link org.custodian.domain.model.user.FourEyes#GUARDED} roles become requests a
 * second person decides ({@link RoleGrantService}); removals take effect at once and revoke the user's tokens.
 */
public interface UserAdministrationService {

    PageResult<UserView> list(Caller caller, UserQuery query);

    UserView get(Caller caller, String username);

    /** 409 when the username (or the e-mail address) is taken; the user has no password until they accept an invitation. */
    UserView create(Caller caller, NewUser user);

    /** A merge patch; one's own roles and one's own account's disabling are refused (403). */
    UserView change(Caller caller, String username, UserChanges changes);

    /** Disables the account at once: sign-in refused, tokens and portal sessions end, open invitations void. */
    UserView disable(Caller caller, String username, String reason);
}
