package org.custodian.application.privacy.breach;

import java.time.Instant;

/** A breach's alarm was set to {@code at} in a transaction: after it commits the timer wakes earlier if need be. */
public record BreachAlarmMoved(Instant at) {
}
