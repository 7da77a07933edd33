package org.custodian.application.reveal;

import java.time.Instant;
import java.util.Map;

/**
 * A reveal granted: the values now shown in full to the caller (keyed {@code customer.phone}) and until when.
 *
 * @param reason the reason as kept and audited (detected PII masked)
 */
public record RevealView(long grantId, String resourceType, long resourceId, Map<String, Object> fields,
        Instant expiresAt, String reason) {
}
