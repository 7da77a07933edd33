package org.custodian.application.imports;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodian.application.audit.AuditService;
import org.custodian.application.catalog.CatalogService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.catalog.CatalogKind;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.imports.ImportRepository;
import org.custodian.domain.model.imports.ImportRepository.RowResult;
import org.custodian.domain.model.imports.ImportUpload;
import org.custodian.domain.model.ticket.TicketDetails;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultImportService implements ImportService {

    /** The most rows one upload may have: a bigger export is imported in parts. */
    public static final int MAX_ROWS = 200_000;
    private static final String SOURCE = "^[a-z0-9][a-z0-9._-]{0,63}$";

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @EJB
    private CatalogService catalog;

    @Inject
    private ImportRepository imports;

    @Inject
    private ParsedUploads parsed;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    private final Clock clock = Clock.systemUTC();

    /** The request checked as a whole, and its rows. */
    private record Read(ImportFormat format, ImportMapping mapping, SourceRows.Defaults defaults,
            List<ImportRow> rows) {
    }

    @Override
    public DryRunReport dryRun(Caller caller, ImportRequest request) {
        policy.enforce(caller, Permission.IMPORT_RUN, ImportAuditActions.IMPORT, "dry-run");
        Read read = read(request);
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, String> refusals = new HashMap<>();
        int rejected = 0;
        for (ImportRow row : read.rows()) {
            List<ImportProblem> found = new ArrayList<>(row.problems());
            if (!row.rejected()) {
                String why = refusals.computeIfAbsent(row.category(),
                        category -> String.valueOf(catalog.refusal(CatalogKind.CATEGORY, category)));
                if (!why.equals("null")) {
                    found.add(new ImportProblem(row.row(), row.line(), ImportField.TICKET_CATEGORY.fieldName(), why));
                }
            }
            if (!found.isEmpty()) {
                rejected++;
                found.stream().limit(Math.max(0, ImportView.REPORT_MAX - problems.size())).forEach(problems::add);
            }
        }
        return new DryRunReport(true, request.source(), read.format().name(), read.rows().size(),
                read.rows().size() - rejected, rejected, problems);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long stage(Caller caller, ImportRequest request) {
        policy.enforce(caller, Permission.IMPORT_RUN, ImportAuditActions.IMPORT, null);
        Read read = read(request);
        long id = imports.store(new ImportUpload(0, request.source(), read.format().name(), read.mapping().toJson(),
                read.defaults().region().name(), read.defaults().category(), request.content(), read.rows().size(),
                ImportUpload.STARTING, null, caller.username(), clock.instant(), null));
        // the job's partitions take these rows instead of parsing the file again (unless this does not commit)
        parsed.offer(id, read.rows());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to write
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    parsed.forget(id);
                }
            }
        });
        audit.record(caller, ImportAuditActions.IMPORT_START, ImportAuditActions.IMPORT, String.valueOf(id),
                List.of("source=" + request.source(), "format=" + read.format(), "rows=" + read.rows().size()),
                AuditOutcome.SUCCESS);
        return id;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void startedAs(long importId, long executionId) {
        imports.startedAs(importId, executionId);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failedToStart(long importId) {
        parsed.forget(importId);
        imports.finish(importId, ImportUpload.FAILED);
    }

    @Override
    public ImportView view(Caller caller, long importId) {
        policy.enforce(caller, Permission.IMPORT_RUN, ImportAuditActions.IMPORT, String.valueOf(importId));
        ImportUpload upload = imports.find(importId)
                .orElseThrow(() -> new ResourceNotFoundException("import", importId));
        Map<String, Long> counts = imports.counts(importId);
        List<ImportProblem> problems = new ArrayList<>();
        for (RowResult rejected : imports.rejected(importId, ImportView.REPORT_MAX)) {
            for (String line : rejected.problems().split("\n")) {
                int colon = line.indexOf(": ");
                problems.add(new ImportProblem(rejected.row(), rejected.line(), colon < 0 ? "row" : line.substring(0, colon),
                        colon < 0 ? line : line.substring(colon + 2)));
            }
        }
        long created = counts.getOrDefault(ImportRows.CREATED, 0L);
        long unchanged = counts.getOrDefault(ImportRows.UNCHANGED, 0L);
        long rejected = counts.getOrDefault(ImportRows.REJECTED, 0L);
        audit.record(caller, ImportAuditActions.IMPORT_READ, ImportAuditActions.IMPORT, String.valueOf(importId),
                null, AuditOutcome.SUCCESS);
        return new ImportView(upload.id(), upload.source(), upload.format(), upload.status(), upload.executionId(),
                upload.rowCount(), created, unchanged, rejected,
                Math.max(0, upload.rowCount() - created - unchanged - rejected), problems, upload.createdBy(),
                upload.createdAt(), upload.finishedAt());
    }

    private Read read(ImportRequest request) {
        RuleCheck check = new RuleCheck();
        check.require(request.source() != null && request.source().matches(SOURCE), "source", "is required: the"
                + " name of the system the file comes from (1-64 lower-case letters, digits, '.', '_' or '-'),"
                + " e.g. freescout; external ids are kept per source");
        ImportFormat format = ImportFormat.ofMediaType(request.mediaType()).orElse(null);
        check.require(format != null, "Content-Type", "must be text/csv or application/x-ndjson");
        Region region = request.region() == null ? Region.EU : Region.parse(request.region()).orElse(null);
        check.require(region != null, "region", "must be one of " + Region.allowedValues());
        String category = request.category() == null ? "GENERAL"
                : request.category().trim().toUpperCase(Locale.ROOT);
        check.require(TicketDetails.CATEGORY.matcher(category).matches(), "category",
                "must be an upper-case word of 2-40 letters or underscores, e.g. GENERAL");
        check.require(request.content() != null && !request.content().isBlank(), "body", "is empty: send the"
                + " file's content as the request body");
        check.throwIfAny();
        ImportMapping mapping = ImportMapping.parse(request.mapping());
        List<ImportRow> rows = SourceRows.read(format, request.content(), mapping,
                new SourceRows.Defaults(region, category));
        new RuleCheck().require(!rows.isEmpty(), "body", "has no data rows")
                .require(rows.size() <= MAX_ROWS, "body", "has " + rows.size() + " rows; at most " + MAX_ROWS
                        + " go in one upload: split the file")
                .throwIfAny();
        return new Read(format, mapping, new SourceRows.Defaults(region, category), rows);
    }
}
