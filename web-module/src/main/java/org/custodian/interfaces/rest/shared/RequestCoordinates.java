package org.custodian.interfaces.rest.shared;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import java.util.regex.Pattern;

/** Request id and client address of the current request, as the audit trail records them. */
@RequestScoped
public class RequestCoordinates {

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("^[A-Za-z0-9._-]{8,64}$");

    private String requestId = UUID.randomUUID().toString();
    private String clientAddress;

    /** A client's own X-Request-Id is kept when it is a plain token; anything else is replaced. */
    void accept(String clientRequestId, String address) {
        if (clientRequestId != null && SAFE_REQUEST_ID.matcher(clientRequestId).matches()) {
            requestId = clientRequestId;
        }
        clientAddress = address;
    }

    public String requestId() {
        return requestId;
    }

    public String clientAddress() {
        return clientAddress;
    }
}
