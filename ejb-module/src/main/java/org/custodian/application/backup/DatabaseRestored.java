package org.custodian.application.backup;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * Fired (CDI, synchronously) after a restore has loaded its rows and before it commits, inside its transaction:
 * whatever must hold again in any restored copy observes it. The erasure ledger of the data subject rights work
 * re-applies every erasure here (those the copy already holds change nothing), so a restore never brings back
 * erased data.
 * {@code connection}'s search_path points at {@code schema}. Observers add what they did to {@code checks} (the
 * restore report), one line each, starting with OK or FAILED.
 */
public record DatabaseRestored(String schema, Instant pointInTime, Connection connection, List<String> checks) {
}
