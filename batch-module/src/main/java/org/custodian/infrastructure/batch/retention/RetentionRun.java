package org.custodian.infrastructure.batch.retention;

import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.custodian.application.job.BatchJob;
import org.custodian.application.retention.RetentionService;
import org.custodian.application.retention.RetentionService.Item;
import org.custodian.domain.model.retention.RetentionProgress;

/**
 * retention-purge as its artifacts see it: the retention service bound to this job instance and execution, and the
 * partition's {@link RetentionPartitionState}, which the reader opens and the writer and the listeners of the same
 * partition find in the step's transient user data.
 */
@Dependent
public class RetentionRun {

    @EJB
    RetentionService retention;

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    /**
     * Opens partition {@code index} at the container's checkpoint, or (none: a restarted job maps its partitions
     * afresh) after the last ticket its chunks committed in this job instance, deciding with {@code asOf}.
     */
    RetentionPartitionState open(int index, RetentionCheckpoint saved, Instant asOf) {
        RetentionCheckpoint cursor = saved != null ? saved
                : retention.resumePoint(job.getInstanceId(), index)
                        .map(point -> new RetentionCheckpoint(point.lastTicketId(), asOf, point.examined()))
                        .orElseGet(() -> new RetentionCheckpoint(0, asOf, 0));
        RetentionPartitionState state = new RetentionPartitionState(index, cursor);
        step.setTransientUserData(state);
        return state;
    }

    /** The partition's state, once its reader has opened. */
    Optional<RetentionPartitionState> state() {
        return step.getTransientUserData() instanceof RetentionPartitionState state ? Optional.of(state)
                : Optional.empty();
    }

    /** The next {@code size} tickets of the partition after its checkpoint, with their decisions. */
    List<Item> decideNext(RetentionPartitionState state, int size, int partitions) {
        RetentionCheckpoint cursor = state.checkpoint();
        return retention.decideAfter(cursor.lastTicketId(), size, cursor.asOf(), state.partition(), partitions);
    }

    /** See {@link RetentionService#beginChunk()}. */
    void beginChunk() {
        retention.beginChunk();
    }

    /** Applies a chunk in its transaction, with the instant fixed at the first start; the state counts it. */
    void apply(List<Item> work, boolean dryRun) {
        // the reader's state holds the instant fixed at the first start
        RetentionPartitionState state = (RetentionPartitionState) step.getTransientUserData();
        state.applied(retention.apply(work, state.checkpoint().asOf(), dryRun,
                BatchJob.RETENTION_PURGE.caller(job.getExecutionId())));
    }

    /** Writes the partition's place and the chunk's counts, in the chunk's transaction. */
    void countChunk() {
        state().ifPresent(state -> retention.countProgress(job.getInstanceId(), state.partition(),
                state.checkpoint().lastTicketId(), state.drain()));
    }

    /** The counts over every partition and every execution of this job instance. */
    RetentionProgress progress() {
        return retention.progress(job.getInstanceId());
    }

    /** The step's and the job's exit status. */
    void finish(String status) {
        step.setExitStatus(status);
        job.setExitStatus(status);
    }
}
