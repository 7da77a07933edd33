package org.custodian.interfaces.rest.shared;

/** The request carries more than the endpoint accepts: answered 413. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
