package org.custodian.interfaces.rest.shared;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.custodian.application.shared.Caller;

/**
 * The authenticated caller of this request, as {@link BearerTokenFilter} established it from the bearer token
 * (our own token: user, roles and regions from its claims; the identity provider's: the user from our user store,
 * see {@code BearerAuthentication}). No container security is involved, so it is the same on every server.
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    RequestCoordinates coordinates;

    private Caller caller;

    void accept(Caller authenticated) {
        this.caller = authenticated;
    }

    public boolean isAuthenticated() {
        return caller != null;
    }

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no verified token for this request");
        }
        return caller;
    }

    public String requestId() {
        return coordinates.requestId();
    }

    public String clientAddress() {
        return coordinates.clientAddress();
    }
}
