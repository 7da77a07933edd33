package org.custodian.domain.shared;

import java.time.Duration;

/**
 * How an outbox retries a row ({@link RetryBackoff}): the first wait {@code base}, the longest wait {@code max}, and
 * the attempts after which the row is a dead letter. Each outbox reads its own from the configuration.
 */
public record RetryPolicy(Duration base, Duration max, int maxAttempts) {
}
