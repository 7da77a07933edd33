package org.custodian.application.audit.proof;

import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditSequencer;
import org.custodian.application.audit.AuditService;
import org.custodian.application.audit.siem.SiemDeliveryService;
import org.custodian.application.backup.BackupConfiguration;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.NotConfiguredException;
import org.custodian.domain.model.audit.AuditCheckpoint;
import org.custodian.domain.model.audit.AuditCheckpointRepository;
import org.custodian.domain.model.audit.AuditDailyCount;
import org.custodian.domain.model.audit.AuditDailyCountRepository;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditEventRepository;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.audit.AuditPrunePoint;
import org.custodian.domain.model.audit.AuditPrunePointRepository;
import org.custodian.domain.model.audit.AuditTrailVerifier;
import org.custodian.domain.model.audit.DailyCounts;
import org.custodian.domain.model.backup.BackupRepository;
import org.custodian.domain.model.backup.BackupSet;
import org.custodian.domain.shared.RuleCheck;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prunings are serialized twice: a write lock in this process, and the audit_prune_guard row across nodes (a second
 * pruning waits for the first to commit, then starts from its pruning point), so no event is counted twice.
 */
@Singleton
@Lock(LockType.READ)
public class DefaultAuditRetentionService implements AuditRetentionService {

    private static final int PAGE = 5000;
    private static final String SCHEDULE_ACTOR = "audit-retention";

    @Inject
    private AuditEventRepository events;

    @Inject
    private AuditCheckpointRepository checkpoints;

    @Inject
    private AuditPrunePointRepository prunePoints;

    @Inject
    private AuditDailyCountRepository dailyCounts;

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private CheckpointSigner signer;

    @EJB
    private SiemDeliveryService siem;

    @Inject
    private BackupConfiguration backups;

    @Inject
    private BackupRepository backupSets;

    @Inject
    @ConfigProperty(name = "custodian.audit.raw-retention", defaultValue = "P730D")
    Duration rawRetention;

    @Inject
    @ConfigProperty(name = "custodian.audit.aggregate-retention", defaultValue = "P3650D")
    Duration aggregateRetention;

    private final Clock clock = Clock.systemUTC();

    @Override
    @Lock(LockType.WRITE)
    public PruneResult prune(Caller caller, Instant olderThan, String reason) {
        policy.enforce(caller, Permission.AUDIT_PRUNE, AuditActions.AUDIT_TRAIL, "prune");
        Instant now = clock.instant();
        Instant latestAllowed = now.minus(rawRetention);
        new RuleCheck()
                .require(reason != null && !reason.isBlank(), "reason", "is required: why the trail is pruned now")
                .require(reason == null || reason.length() <= 1000, "reason", "must be at most 1000 characters")
                .require(olderThan == null || !olderThan.isAfter(latestAllowed), "olderThan",
                        "must be on or before " + latestAllowed + ": raw events are kept for " + days(rawRetention)
                                + " (custodian.audit.raw-retention)")
                .throwIfAny();
        return pruneBefore(caller, olderThan == null ? latestAllowed : olderThan, reason.strip(), now);
    }

    @Override
    @Lock(LockType.WRITE)
    public PruneResult pruneScheduled() {
        Instant now = clock.instant();
        return pruneBefore(Caller.system(SCHEDULE_ACTOR, null), now.minus(rawRetention),
                "scheduled: raw events are kept for " + days(rawRetention), now);
    }

    private PruneResult pruneBefore(Caller caller, Instant cutoff, String reason, Instant now) {
        if (!signer.canSign()) {
            throw new NotConfiguredException("the trail can be pruned only at a signed checkpoint, and no checkpoint"
                    + " signing key is configured (custodian.audit.signing-key)");
        }
        // the guard first: a second pruning (the schedule, another node) waits, then starts from this one's point
        prunePoints.lockPruning();
        AuditPrunePoint previous = prunePoints.latest().orElse(null);
        long after = previous == null ? 0 : previous.getTreeSize();
        long limit = events.readHead().getLastSequence();
        String limitedBy = "the trail's head";
        SiemDeliveryService.Status delivery = siem.status();
        if (delivery.configured() && delivery.deliveredSequence() < limit) {
            limit = delivery.deliveredSequence();
            limitedBy = "what the SIEM collector has received";
        }
        if (!backups.targets().isEmpty()) {
            long backedUp = backups.targets().keySet().stream()
                    .map(backupSets::newestComplete)
                    .flatMap(Optional::stream)
                    .map(BackupSet::getAuditSequence)
                    .filter(Objects::nonNull)
                    .mapToLong(Long::longValue).max().orElse(0);
            if (backedUp < limit) {
                limit = backedUp;
                limitedBy = "what a complete backup holds";
            }
        }
        List<AuditCheckpoint> signed = checkpoints.all();
        // the newest checkpoint whose events are all older than the cutoff; an event out of time order (chained a
        // little after a younger one) moves the boundary back to the checkpoint before it
        for (int attempt = 0; attempt < 10; attempt++) {
            AuditCheckpoint boundary = newestBefore(signed, after, limit, cutoff);
            if (boundary == null) {
                return nothingPruned(after, cutoff, "no signed checkpoint after " + after + " and up to " + limit
                        + " (" + limitedBy + ") covers only events older than " + cutoff);
            }
            Walk walk = walk(previous, signed, boundary.getTreeSize(), cutoff);
            if (walk.tooYoung() > 0) {
                limit = walk.tooYoung() - 1;
                limitedBy = "event " + walk.tooYoung() + ", which is not older than the cutoff";
                continue;
            }
            return pruneAt(caller, previous, walk, boundary, cutoff, reason, now);
        }
        return nothingPruned(after, cutoff, "events around the cutoff are out of time order; nothing was pruned");
    }

    /**
     * The newest checkpoint in (after, limit] whose last event is older than the cutoff, by binary search: events
     * are in time order along the sequence (to within the milliseconds a commit takes, which the walk catches), and
     * a checkpoint a minute makes half a million a year, too many to look up one by one.
     */
    private AuditCheckpoint newestBefore(List<AuditCheckpoint> checkpoints, long after, long limit, Instant cutoff) {
        List<AuditCheckpoint> candidates = checkpoints.stream()
                .filter(c -> c.getTreeSize() > after && c.getTreeSize() <= limit).toList();
        int low = 0;
        int high = candidates.size() - 1;
        AuditCheckpoint found = null;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (occurredBefore(candidates.get(middle).getTreeSize(), cutoff)) {
                found = candidates.get(middle);
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    private boolean occurredBefore(long sequence, Instant cutoff) {
        List<AuditEvent> event = events.findAfter(sequence - 1, 1);
        return !event.isEmpty() && event.get(0).getSequence() == sequence
                && event.get(0).getOccurredAt().isBefore(cutoff);
    }

    /** The verified walk from the previous pruning point to the boundary, or the first event not older than cutoff. */
    private record Walk(AuditTrailVerifier verifier, String lastHash, long tooYoung, DailyCounts counts) {
    }

    private Walk walk(AuditPrunePoint previous, List<AuditCheckpoint> checkpoints, long upTo, Instant cutoff) {
        AuditTrailVerifier verifier = AuditTrailVerifier.startingAt(previous, checkpoints, signer::verify);
        long position = previous == null ? 0 : previous.getTreeSize();
        String lastHash = previous == null ? AuditEvent.GENESIS_HASH : previous.getChainHash();
        DailyCounts counts = new DailyCounts();
        while (position < upTo && verifier.isIntact()) {
            List<AuditEvent> page = events.findAfter(position, (int) Math.min(PAGE, upTo - position));
            if (page.isEmpty()) {
                break;
            }
            for (AuditEvent event : page) {
                if (!event.getOccurredAt().isBefore(cutoff)) {
                    return new Walk(verifier, lastHash, event.getSequence(), counts);
                }
                if (!verifier.accept(event)) {
                    break;
                }
                counts.add(event);
                position = event.getSequence();
                lastHash = event.getHash();
            }
        }
        if (!verifier.isIntact() || verifier.frontier().size() != upTo) {
            throw new ConflictException("the trail does not verify up to " + upTo + " ("
                    + (verifier.isIntact() ? "events are missing" : verifier.reason())
                    + "): a trail that does not verify is never pruned; nothing was removed");
        }
        return new Walk(verifier, lastHash, 0, counts);
    }

    private PruneResult pruneAt(Caller caller, AuditPrunePoint previous, Walk walk, AuditCheckpoint boundary,
            Instant cutoff, String reason, Instant now) {
        long after = previous == null ? 0 : previous.getTreeSize();
        AuditPrunePoint point = new AuditPrunePoint(boundary.getTreeSize(), walk.lastHash(), walk.verifier().frontier(),
                now, cutoff, boundary.getTreeSize() - after, caller.username(), reason);
        long removed = prunePoints.prune(after, boundary.getTreeSize(), point, walk.counts().all());
        dailyCounts.dropBefore(now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(aggregateRetention.toDays()));
        audit.record(caller, AuditActions.AUDIT_PRUNE, AuditActions.AUDIT_TRAIL, point.announcement(), null,
                AuditOutcome.SUCCESS);
        // chained in this transaction: whoever sees the pruning point also sees the event that announces it
        while (events.sequencePending(AuditSequencer.BATCH) == AuditSequencer.BATCH) {
            // a backlog larger than one batch: the announcement has the highest id and comes last
        }
        return new PruneResult(point.getTreeSize(), after, removed, cutoff.toString(), null);
    }

    /** P730D rather than Duration's PT17520H, as it is configured. */
    private static String days(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
    }

    private static PruneResult nothingPruned(long prunedTo, Instant cutoff, String why) {
        return new PruneResult(prunedTo, prunedTo, 0, cutoff.toString(), why);
    }

    @Override
    public Retention retention(Caller caller) {
        policy.enforce(caller, Permission.AUDIT_VERIFY, AuditActions.AUDIT_TRAIL, "retention");
        List<PruneView> prunings = prunePoints.all().stream()
                .map(point -> new PruneView(point.getTreeSize(), point.getChainHash(),
                        HexFormat.of().formatHex(point.frontier().root()), point.getPrunedAt().toString(),
                        point.getCutoff().toString(), point.getEventsRemoved(), point.getRequestedBy(),
                        point.getReason()))
                .toList();
        return new Retention(days(rawRetention), days(aggregateRetention),
                prunings.isEmpty() ? 0 : prunings.get(0).treeSize(), prunings);
    }

    @Override
    public List<AuditDailyCount> dailyCounts(Caller caller, LocalDate from, LocalDate to) {
        policy.enforce(caller, Permission.AUDIT_VERIFY, AuditActions.AUDIT_TRAIL, "daily-counts");
        new RuleCheck().require(!from.isAfter(to), "from", "must not be after to")
                .require(!from.plusYears(20).isBefore(to), "to", "at most 20 years after from").throwIfAny();
        return dailyCounts.between(from, to);
    }
}
