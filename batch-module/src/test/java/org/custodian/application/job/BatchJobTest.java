package org.custodian.application.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.custodian.application.policy.Permission;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.FieldViolation;
import org.custodian.domain.shared.RuleCheck;
import org.junit.jupiter.api.Test;

class BatchJobTest {

    private static final Pattern JOB_ID = Pattern.compile("<job\\s+id=\"([^\"]+)\"");

    @Test
    void everyJobXmlIsCataloguedUnderItsIdAndEveryCataloguedJobHasOne() throws IOException, URISyntaxException {
        Path jobs = Path.of(getClass().getResource("/META-INF/batch-jobs").toURI());
        Set<String> xmlIds = new TreeSet<>();
        try (Stream<Path> files = Files.list(jobs)) {
            for (Path file : files.toList()) {
                Matcher id = JOB_ID.matcher(Files.readString(file));
                assertTrue(id.find(), file + " has a <job id=...>");
                assertEquals(file.getFileName().toString(), id.group(1) + ".xml", "the file is named after its job");
                xmlIds.add(id.group(1));
            }
        }
        Set<String> catalogued = Arrays.stream(BatchJob.values()).map(BatchJob::jobName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(xmlIds, catalogued);
    }

    @Test
    void namedFindsOnlyCataloguedJobs() {
        assertEquals(BatchJob.BACKUP_RESTORE, BatchJob.named("backup-restore").orElseThrow());
        assertTrue(BatchJob.named("BACKUP_RESTORE").isEmpty());
        assertTrue(BatchJob.named("../backup-restore").isEmpty());
    }

    @Test
    void backupJobsExcludeEachOtherAndDataChangingJobsThemselves() {
        List<BatchJob> backupJobs = List.of(BatchJob.BACKUP_EXPORT, BatchJob.BACKUP_RESTORE, BatchJob.INTEGRITY_VERIFY);
        backupJobs.forEach(job -> assertEquals(backupJobs, job.excludedBy()));
        assertEquals(List.of(BatchJob.RETENTION_PURGE), BatchJob.RETENTION_PURGE.excludedBy());
        assertEquals(List.of(BatchJob.AUDIT_VERIFY), BatchJob.AUDIT_VERIFY.excludedBy());
        assertEquals(List.of(), BatchJob.TRANSCRIPT_REMOVAL.excludedBy());
        assertEquals(List.of(), BatchJob.SUBJECT_PACKAGE.excludedBy());
    }

    @Test
    void permissionsBeyondJobRun() {
        assertEquals(Permission.RETENTION_RUN, BatchJob.RETENTION_PURGE.permission().orElseThrow());
        assertEquals(Permission.BACKUP_RUN, BatchJob.BACKUP_EXPORT.permission().orElseThrow());
        assertEquals(Permission.BACKUP_RUN, BatchJob.BACKUP_RESTORE.permission().orElseThrow());
        assertEquals(Permission.RETENTION_RUN, BatchJob.TRANSCRIPT_REMOVAL.permission().orElseThrow(),
                "it deletes transcripts: not for auditors, who may run the checking jobs");
        assertEquals(Permission.RETENTION_RUN, BatchJob.PII_RESCAN.permission().orElseThrow(), "it redacts stored text");
        assertTrue(BatchJob.AUDIT_VERIFY.permission().isEmpty());
        assertTrue(BatchJob.INTEGRITY_VERIFY.permission().isEmpty(), "a drill's BACKUP_RUN is checked per run");
    }

    @Test
    void theSubjectPackageJobStartsOnlyWithItsRequest() {
        assertFalse(BatchJob.SUBJECT_PACKAGE.launchable());
        assertEquals(7, Arrays.stream(BatchJob.values()).filter(BatchJob::launchable).count());
        assertEquals(List.of("itemCount", "asOf", "dryRun"), BatchJob.RETENTION_PURGE.parameterNames());
    }

    @Test
    void theLegacyImportStartsOnlyWithItsUploadAndNeedsImportRun() {
        assertFalse(BatchJob.LEGACY_IMPORT.launchable());
        assertEquals(List.of("importId"), BatchJob.LEGACY_IMPORT.parameterNames());
        assertEquals(org.custodian.application.policy.Permission.IMPORT_RUN,
                BatchJob.LEGACY_IMPORT.permission().orElseThrow());
        assertTrue(BatchJob.LEGACY_IMPORT.excludedBy().isEmpty());
    }

    @Test
    void standaloneParametersAreCheckedInDeclarationOrder() {
        RuleCheck check = new RuleCheck();
        JobParameter.checkValues(Map.of("dryRun", "maybe", "itemCount", "0", "asOf", "2999-01-01T00:00:00Z",
                "customerId", "7; drop", "drill", "yes"), check);
        DomainRuleViolationException refused = assertThrows(DomainRuleViolationException.class, check::throwIfAny);
        assertEquals(List.of("itemCount", "asOf", "customerId", "dryRun"),
                refused.getViolations().stream().map(FieldViolation::field).toList());
    }

    @Test
    void aDrillIsTrueOrFalse() {
        RuleCheck check = new RuleCheck();
        assertTrue(JobParameter.checkDrill(Map.of("drill", "true"), check));
        assertFalse(JobParameter.checkDrill(Map.of("drill", "false"), check));
        assertFalse(check.hasViolations());
        assertFalse(JobParameter.checkDrill(Map.of("drill", "yes"), check));
        assertEquals("drill", assertThrows(DomainRuleViolationException.class, check::throwIfAny).getViolations()
                .get(0).field());
    }

    @Test
    void wellFormedParametersPass() {
        RuleCheck check = new RuleCheck();
        JobParameter.checkValues(Map.of("itemCount", "10000", "asOf", "2020-01-01T00:00:00Z", "customerId", "42",
                "dryRun", "true", "drill", "false", "type", "anything: the backup package checks it"), check);
        assertFalse(check.hasViolations());
    }
}
