package org.custodian.application.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A job execution as operators see it: status, times, and per-step metrics. */
public record JobExecutionView(long executionId, String jobName, String status, String exitStatus,
        Instant createTime, Instant startTime, Instant endTime, List<StepView> steps) implements java.io.Serializable {

    public record StepView(String name, String status, String exitStatus, Instant startTime, Instant endTime,
            Map<String, Long> metrics) implements java.io.Serializable {
    }
}
