package org.custodian.application.retention;

/**
 * Fired (CDI) when a legal hold is released; observers act after the release commits. What a hold kept (chat
 * transcripts whose consent was withdrawn meanwhile) may now go.
 */
public record LegalHoldReleased(long holdId) {
}
