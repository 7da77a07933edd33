package org.custodian.application.shared;

import jakarta.ejb.ApplicationException;

/** The named resource does not exist. Does not roll back, so the failed lookup stays audited. */
@ApplicationException(rollback = false)
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String resourceType, Object id) {
        super(resourceType + " " + id + " does not exist");
    }
}
