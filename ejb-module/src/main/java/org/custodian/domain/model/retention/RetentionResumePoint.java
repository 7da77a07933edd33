package org.custodian.domain.model.retention;

/** Where a partition of a purge stands: the last ticket it finished and how many it examined up to there. */
public record RetentionResumePoint(long lastTicketId, long examined) {
}
