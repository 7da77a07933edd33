package org.custodian.domain.model.access;

import java.time.Instant;
import java.util.List;

/** Reveal grants (#23): stored once, read at the start of each of their user's requests while in force. */
public interface RevealGrantRepository {

    /** The user's grants in force at {@code now}, oldest first. */
    List<RevealGrant> active(String username, Instant now);

    void store(RevealGrant grant);
}
