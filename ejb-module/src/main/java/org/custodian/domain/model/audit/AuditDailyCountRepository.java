package org.custodian.domain.model.audit;

import java.time.LocalDate;
import java.util.List;

/** The daily counts that pruned events leave behind ({@link AuditPrunePointRepository#prune} adds to them). */
public interface AuditDailyCountRepository {

    /** Daily counts of pruned events on days in {@code [from, to]}, oldest first. */
    List<AuditDailyCount> between(LocalDate from, LocalDate to);

    /** Removes the daily counts of days before {@code day}; returns how many rows. */
    int dropBefore(LocalDate day);
}
