package org.custodian.domain.model.imports;

import java.time.Instant;

/** A staged upload: the file as it came, how to read it, and where its job stands. */
public record ImportUpload(long id, String source, String format, String mapping, String region, String category,
        String content, int rowCount, String status, Long executionId, String createdBy, Instant createdAt,
        Instant finishedAt) {

    public static final String STARTING = "STARTING";
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String STOPPED = "STOPPED";
    public static final String FAILED = "FAILED";
}
