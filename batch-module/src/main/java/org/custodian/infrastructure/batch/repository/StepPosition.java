package org.custodian.infrastructure.batch.repository;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The committed position of the running step (job instance and step name are its key in batch_chunk_position): the
 * reader asks it where to resume and hands it a {@link ChunkPosition}; {@link ChunkPositionListener} saves that at
 * the end of every chunk and forgets it when the step is done.
 */
@Dependent
public class StepPosition {

    private final StepContext step;
    private final JobContext job;
    private final CommittedPositions positions;

    @Inject
    public StepPosition(StepContext step, JobContext job, CommittedPositions positions) {
        this.step = step;
        this.job = job;
        this.positions = positions;
    }

    /** What the step's chunks committed last, if they committed anything; it wins over the container's checkpoint. */
    public Optional<String> committed() {
        return positions.find(job.getInstanceId(), step.getStepName());
    }

    /**
     * Restarts {@code pages} where this step stands: after the id its chunks committed last (the committed text up to
     * {@code separator}), else after the container's {@code checkpoint}. Returns the rest of the committed text (the
     * totals that committed with that id), if the chunks committed any.
     */
    public Optional<String> resume(IdPages pages, Serializable checkpoint, char separator) {
        pages.restartAfter(checkpoint instanceof Long saved ? saved : 0);
        return committed().map(text -> {
            int end = text.indexOf(separator);
            pages.restartAfter(Long.parseLong(text.substring(0, end)));
            return text.substring(end + 1);
        });
    }

    /** Tracks the last id {@code pages} handed out, followed by {@code separator} and the current {@code totals}. */
    public void track(IdPages pages, char separator, Supplier<String> totals) {
        track(() -> pages.lastHandedOut() + String.valueOf(separator) + totals.get());
    }

    /** Makes {@code position} the one saved with every chunk of this step (the step's transient user data). */
    public void track(ChunkPosition position) {
        step.setTransientUserData(position);
    }

    void saveTracked() {
        if (step.getTransientUserData() instanceof ChunkPosition position) {
            positions.save(job.getInstanceId(), step.getStepName(), position.encode());
        }
    }

    void forgetIfDone() {
        // the status may still read STARTED here; a failed or stopped step keeps its row for the restart
        BatchStatus status = step.getBatchStatus();
        if (step.getException() == null && (status == BatchStatus.STARTED || status == BatchStatus.COMPLETED)) {
            positions.forget(job.getInstanceId(), step.getStepName());
        }
    }
}
