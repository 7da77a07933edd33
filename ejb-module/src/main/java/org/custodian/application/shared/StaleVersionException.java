package org.custodian.application.shared;

import jakarta.ejb.ApplicationException;

/** The client changed a resource based on a version that is no longer current (If-Match failed). */
@ApplicationException(rollback = true)
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String resource, long expected, long current) {
        super(resource + " is at version " + current + ", not " + expected
                + "; read it again and repeat the change on the current version");
    }

    /** Refuses a change made on {@code expected} (from If-Match; null: any) when the resource is at {@code current}. */
    public static void check(String resource, Long expected, long current) {
        if (expected != null && expected != current) {
            throw new StaleVersionException(resource, expected, current);
        }
    }
}
