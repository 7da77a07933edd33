package org.custodian.application.job;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.custodian.application.cluster.ClusterNode;
import org.custodian.application.shared.ConflictException;
import org.custodian.domain.model.cluster.ClusterRepository;

/**
 * Starts and restarts executions so that two jobs that exclude each other never run at once: the check of what is
 * running and the start must not interleave, whoever starts (a caller or a schedule) on whichever node (#26). The
 * job repository is in the shared database, so the check reads every node's executions; the check and the start run
 * under one cluster-wide lock in that database. Each execution is recorded to this node, so that it is failed as an
 * orphan only when this node is gone.
 */
final class JobLauncher {

    private JobLauncher() {
    }

    static long start(JobOperator operator, BatchJob job, Properties parameters) {
        return launch(job, () -> operator.start(job.jobName(), parameters), operator);
    }

    static long restart(JobOperator operator, BatchJob job, long executionId, Properties parameters) {
        return launch(job, () -> operator.restart(executionId, parameters), operator);
    }

    private static long launch(BatchJob job, LongSupplier launch, JobOperator operator) {
        ClusterNode node = CDI.current().select(ClusterNode.class).get();
        ClusterRepository cluster = CDI.current().select(ClusterRepository.class).get();
        return cluster.exclusively(ClusterNode.JOB_START_LOCK, () -> {
            refuseIfRunning(operator, job, node);
            long executionId = launch.getAsLong();
            cluster.recordExecution(executionId, job.jobName(), node.id());
            return executionId;
        });
    }

    /**
     * A 409 that names the running execution that keeps the job from starting. The JobOperator lists as running only
     * the executions of this JVM; those of other nodes are the ones recorded under way whose status in the shared job
     * repository still says so.
     */
    private static void refuseIfRunning(JobOperator operator, BatchJob job, ClusterNode node) {
        for (BatchJob other : job.excludedBy()) {
            Set<Long> running = new TreeSet<>();
            try {
                running.addAll(operator.getRunningExecutions(other.jobName()));
            } catch (NoSuchJobException e) {
                // none of it on this node
            }
            for (long recorded : node.underWay(Set.of(other.jobName()))) {
                if (underWay(operator, recorded)) {
                    running.add(recorded);
                } else {
                    node.ended(recorded); // ended without its end listener: no need to look at it again
                }
            }
            if (!running.isEmpty()) {
                long first = running.iterator().next();
                throw new ConflictException(other.jobName() + " is running as execution " + first
                        + (other == job ? "" : ", and " + job.jobName() + " does not run beside it")
                        + "; wait for it to end or stop it (POST /api/v1/jobs/executions/" + first + "/stop)");
            }
        }
    }

    private static boolean underWay(JobOperator operator, long executionId) {
        try {
            BatchStatus status = operator.getJobExecution(executionId).getBatchStatus();
            return status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING;
        } catch (NoSuchJobExecutionException e) {
            return false;
        }
    }
}
