package org.custodian.interfaces.rest.shared;

/** The request body cannot be read as the JSON it must be: answered 400 with this message. */
public class MalformedBodyException extends RuntimeException {

    public MalformedBodyException(String message) {
        super(message);
    }
}
