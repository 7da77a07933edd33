package org.custodian.application.reveal;

import java.io.Serializable;
import java.time.Instant;

/**
 * A field the caller sees masked and may reveal on a record, or has revealed there ({@code revealedUntil} set).
 * No value: the pages read values through the usual, audited reads.
 */
public record RevealableField(String key, Instant revealedUntil) implements Serializable {
}
