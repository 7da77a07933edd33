package org.custodian.application.ticket;

import jakarta.ejb.ApplicationException;
import org.custodian.domain.shared.DomainRuleViolationException;

/**
 * A chat transcript refused because its customer has not consented to keeping it: a 422 on the channel for the API
 * (whose message names the consent endpoint), and for the portal the customer whose consent section to offer.
 */
@ApplicationException(rollback = true)
public class ConsentRequiredException extends DomainRuleViolationException {

    private static final long serialVersionUID = 1L;

    private final long customerId;

    public ConsentRequiredException(long customerId, String message) {
        super("channel", message);
        this.customerId = customerId;
    }

    public long getCustomerId() {
        return customerId;
    }
}
