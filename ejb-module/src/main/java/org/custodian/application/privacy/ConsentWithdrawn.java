package org.custodian.application.privacy;

import org.custodian.domain.model.privacy.ConsentPurpose;

/** Fired (CDI) when a subject withdraws consent; observers act after the withdrawal commits. */
public record ConsentWithdrawn(long customerId, ConsentPurpose purpose, String recordedBy) {
}
