package org.custodian.interfaces.rest.shared;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.custodian.application.integration.KeyAuthentication;
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

    /** An accepted API key of a service account (#22), or null (a person's token, or nobody). */
    private KeyAuthentication apiKey;

    void accept(Caller authenticated) {
        this.caller = authenticated;
    }

    /** API keys (#22): the request presented an accepted service-account key instead of a token. */
    void acceptKey(KeyAuthentication accepted) {
        apiKey = accepted;
        caller = accepted.caller(coordinates.requestId(), coordinates.clientAddress());
    }

    /** The accepted API key of this request, or null. */
    public KeyAuthentication apiKey() {
        return apiKey;
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
