package org.custodian.application.backup;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.backup.BackupSet;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.RuleCheck;

/**
 * The parameters of the backup-export and backup-restore jobs. They depend on each other and on the catalogue of
 * sets, so they are checked here, where the sets are known; each method records what is wrong in the check and
 * returns the job parameters, fixed at the start so that a restart does the same work again.
 */
@ApplicationScoped
public class BackupJobParameters {

    @EJB
    private BackupLedger ledger;

    @Inject
    private BackupConfiguration backups;

    /** A backup needs a type and a reason; an incremental needs a complete set to build on in its target. */
    public Properties export(Caller caller, Map<String, String> given, RuleCheck check) {
        String type = given.get("type");
        boolean known = type != null && type.trim().toUpperCase(Locale.ROOT).matches("FULL|INCREMENTAL");
        check.require(known, "type", "must be FULL or INCREMENTAL");
        check.requireText(given.get("reason"), "reason", 3, 1000);
        Optional<String> target = target(given, check);
        if (known && target.isPresent() && "INCREMENTAL".equals(type.trim().toUpperCase(Locale.ROOT))) {
            Optional<BackupSet> base = ledger.newestComplete(target.get());
            check.require(base.isPresent(), "type", "INCREMENTAL needs a complete set on target " + target.get()
                    + " to build on; take a FULL backup first");
            base.flatMap(found -> ledger.incrementalRefusal(found)).ifPresent(why -> check.require(false, "type",
                    "INCREMENTAL cannot build on " + base.get().getName() + ": " + why + "; take a FULL backup"));
        }
        if (target.isPresent() && !check.hasViolations()) {
            // a target without a directory is a setting to make, not a job to fail later: 503 naming it, now
            backups.target(target.get()).directory();
            backups.requireRecipients();
        }
        Properties job = copy(given);
        if (known && target.isPresent()) {
            // who asked is the caller, never a parameter the caller chooses
            job.setProperty("requestedBy", caller.username());
            job.setProperty("type", type.trim().toUpperCase(Locale.ROOT));
            job.setProperty("target", target.get());
        }
        return job;
    }

    /**
     * A restore ends at setId, or at the newest COMPLETE set taken at or before pointInTime on the target
     * (point-in-time restore); over live data only with the set's name typed as confirmation.
     */
    public Properties restore(Caller caller, Map<String, String> given, RuleCheck check) {
        Long setId = restoreSet(given, check);
        Properties job = copy(given);
        // fixed at the start, so that a restart restores the same chain
        List.of("pointInTime", "target", "mode", "confirm").forEach(job::remove);
        if (setId != null) {
            job.setProperty("setId", String.valueOf(setId));
        }
        job.setProperty("kind", "LIVE".equals(given.get("mode")) ? "LIVE" : "RESTORE");
        job.setProperty("requestedBy", caller.username());
        return job;
    }

    private Long restoreSet(Map<String, String> given, RuleCheck check) {
        check.requireText(given.get("reason"), "reason", 3, 1000);
        String setId = given.get("setId");
        String pointInTime = given.get("pointInTime");
        if ((setId == null) == (pointInTime == null)) {
            check.require(false, "setId", "give either setId (restore up to that set) or pointInTime (the newest"
                    + " set taken at or before it), not both and not neither");
            return null;
        }
        String mode = given.get("mode");
        check.require(mode == null || mode.matches("ISOLATED|LIVE"), "mode", "must be ISOLATED (the default: into"
                + " the restore schema) or LIVE (over Custodian's own data, with confirm set to the set's name)");
        if (setId != null) {
            if (!setId.matches("[0-9]{1,18}")) {
                check.require(false, "setId", "must be the id of a backup set");
                return null;
            }
            // 404 for an unknown set, 409 for one that is not COMPLETE or builds on one that is not
            List<BackupSet> chain = ledger.chainEndingAt(Long.parseLong(setId));
            return confirmed(chain.get(chain.size() - 1), given, check);
        }
        Instant at;
        try {
            at = Instant.parse(pointInTime.trim());
        } catch (DateTimeParseException e) {
            check.require(false, "pointInTime", "must be an ISO-8601 UTC time such as 2026-11-01T00:00:00Z");
            return null;
        }
        Optional<String> target = target(given, check);
        if (target.isEmpty()) {
            return null;
        }
        Optional<BackupSet> set = ledger.newestCompleteAtOrBefore(target.get(), at);
        check.require(set.isPresent(), "pointInTime", "no COMPLETE backup set on target " + target.get()
                + " was taken at or before " + at);
        return set.map(found -> confirmed(found, given, check)).orElse(null);
    }

    /** A restore over live data must name the set it replaces everything with: a typed confirmation. */
    private static Long confirmed(BackupSet set, Map<String, String> given, RuleCheck check) {
        if ("LIVE".equals(given.get("mode"))) {
            check.require(set.getName().equals(given.get("confirm")), "confirm", "a restore over live data"
                    + " replaces Custodian's data (not its audit trail) with set " + set.getName() + " as of "
                    + set.getSnapshotAt() + "; to go ahead, set confirm to exactly that name");
        } else {
            check.require(given.get("confirm") == null, "confirm", "is only for mode LIVE");
        }
        return set.getId();
    }

    /** The named target (the default target when none is named), or empty with the violation recorded. */
    private Optional<String> target(Map<String, String> given, RuleCheck check) {
        try {
            return Optional.of(backups.target(given.get("target")).name());
        } catch (DomainRuleViolationException e) {
            check.require(false, "target", e.getViolations().get(0).message());
            return Optional.empty();
        }
    }

    private static Properties copy(Map<String, String> given) {
        Properties job = new Properties();
        given.forEach(job::setProperty);
        return job;
    }
}
