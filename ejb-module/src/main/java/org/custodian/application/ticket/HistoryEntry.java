package org.custodian.application.ticket;

import java.time.Instant;
import java.util.List;

/** One change of a ticket as the reader may see it: the changes list only fields the reader sees. */
public record HistoryEntry(long sequence, Instant at, String actor, String action, List<Change> changes)
        implements java.io.Serializable {

    /**
     * One field: {@code from}/{@code to} only when the reader sees the field in full and the trail holds the values
     * (personal fields are kept as keyed hashes, never shown); otherwise just the field's name.
     */
    public record Change(String field, String from, String to) implements java.io.Serializable {
    }
}
