package org.custodian.application.sla;

import java.time.Instant;

/** A clock's alarm was set to {@code at} in a transaction: after it commits the timer wakes earlier if need be. */
public record SlaAlarmMoved(Instant at) {
}
