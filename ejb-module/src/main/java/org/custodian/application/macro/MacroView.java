package org.custodian.application.macro;

import java.time.Instant;

/** A canned reply: its team (by key), name and body with placeholders; version for If-Match. */
public record MacroView(long id, String team, String name, String body, String changedBy, Instant changedAt,
        long version) implements java.io.Serializable {
}
