package org.custodian.interfaces.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodian.application.job.JobExecutionView;
import org.custodian.application.job.JobExecutionView.StepView;
import org.junit.jupiter.api.Test;

/** How the jobs page words an execution's steps and exit status (no counted metrics here: no message bundle needed). */
class JobsBeanTest {

    private static final Instant AT = Instant.parse("2026-12-08T00:40:00Z");

    @Test
    void aStepThatCountedNothingIsNamedWithoutADanglingColon() {
        JobExecutionView backup = execution("COMPLETED", step("export", Map.of("readCount", 0L)),
                step("expire", Map.of()));
        assertEquals("export; expire", new JobsBean().metrics(backup));
    }

    @Test
    void aJobsReportOfItsPartsIsOnePartALine() {
        JobExecutionView verify = execution("OK verify-audit-trail: OK events=852; verify-backups: OK sets=1;"
                + " restore-drill: SKIPPED (no drill in this run)");
        assertEquals(List.of("OK verify-audit-trail: OK events=852", "verify-backups: OK sets=1",
                "restore-drill: SKIPPED (no drill in this run)"), new JobsBean().exitLines(verify));
        assertEquals(List.of(), new JobsBean().exitLines(execution(null)));
    }

    private static JobExecutionView execution(String exit, StepView... steps) {
        return new JobExecutionView(7, "backup-export", "COMPLETED", exit, AT, AT, AT, List.of(steps));
    }

    private static StepView step(String name, Map<String, Long> metrics) {
        return new StepView(name, "COMPLETED", "COMPLETED", AT, AT, metrics);
    }
}
