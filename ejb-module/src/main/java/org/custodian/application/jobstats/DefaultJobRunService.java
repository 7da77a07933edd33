package org.custodian.application.jobstats;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.shared.RuleCheck;

/** Records finished runs and reads them back per job and day, through policy and audit like every other read. */
@Stateless
public class DefaultJobRunService implements JobRunService {

    /** The longest period one request may cover: a year of days is what the chart can still show. */
    static final int MAX_DAYS = 366;

    @Inject
    private JobRuns runs;

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Override
    public void finished(String jobName, long executionId, String batchStatus, Instant startedAt, Instant endedAt) {
        runs.store(jobName, executionId, batchStatus, startedAt == null ? null : startedAt.truncatedTo(
                ChronoUnit.MICROS), endedAt.truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public List<DayStats> daily(Caller caller, LocalDate from, LocalDate to, ZoneId zone) {
        policy.enforce(caller, Permission.JOB_READ, AuditActions.JOB, "runs");
        new RuleCheck().require(from != null, "from", "is required").require(to != null, "to", "is required")
                .throwIfAny();
        new RuleCheck().require(!to.isBefore(from), "to", "must not be before from")
                .require(ChronoUnit.DAYS.between(from, to) < MAX_DAYS, "from", "at most " + MAX_DAYS + " days")
                .throwIfAny();
        List<DayStats> found = runs.daily(from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), zone);
        audit.record(caller, AuditActions.JOB_READ, AuditActions.JOB, "runs", List.of("from=" + from, "to=" + to,
                "rows=" + found.size()), AuditOutcome.SUCCESS);
        return found;
    }
}
