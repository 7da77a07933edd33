package org.custodian.interfaces.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.custodian.application.audit.report.AccessReportService;
import org.custodian.application.audit.report.AccessReportService.AccessReport;
import org.custodian.application.audit.report.AccessReportService.Row;
import org.custodian.application.audit.proof.AuditProofService;
import org.custodian.application.audit.proof.AuditProofService.CheckpointView;
import org.custodian.application.audit.proof.AuditVerification;
import org.custodian.application.audit.proof.AuditVerificationService;
import org.custodian.application.shared.Caller;
import org.custodian.interfaces.rest.audit.AuditExportStream;
import org.custodian.interfaces.web.ChartConfig;
import org.custodian.interfaces.web.Download;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;
import org.custodian.interfaces.web.i18n.Texts;

/**
 * For auditors: verify the trail with one click, the signed checkpoints, an export for offline verification, and
 * access reports drawn as charts (Chart.js through PrimeFaces) with the numbers in a table beside them.
 */
@Named
@ViewScoped
public class AuditBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int CHECKPOINTS_SHOWN = 20;
    /** Colours that stay apart for people with the common colour-vision deficiencies (Okabe-Ito). */
    static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#F0E442", "#000000");

    @EJB
    AuditVerificationService verifications;

    @EJB
    AuditProofService proofs;

    @EJB
    AccessReportService reports;

    @Inject
    PortalCaller portal;

    private AuditVerification verification;
    private List<CheckpointView> checkpoints = List.of();
    private Long exportFrom;
    private Long exportTo;
    private String reportFrom = LocalDate.now(ZoneOffset.UTC).minusDays(30).toString();
    private String reportTo = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    private String groupBy = "role";
    private String classification;
    private AccessReport report;

    @PostConstruct
    void load() {
        PageFailures.read(() -> checkpoints = proofs.checkpoints(portal.get(), CHECKPOINTS_SHOWN).history());
    }

    public void verify() {
        PageFailures.read(() -> verification = verifications.verify(portal.get()));
    }

    public void runReport() {
        try {
            report = reports.accessReport(portal.get(), reportFrom + "T00:00:00Z", reportTo + "T00:00:00Z",
                    classification, groupBy);
        } catch (RuntimeException e) {
            report = null;
            PageFailures.show(e, "report");
        }
    }

    /** Streams the export as the API does (same service, same audit event), as a file download. */
    public void downloadExport() throws IOException {
        Caller who = portal.get();
        long[] range;
        try {
            range = proofs.exportRange(who, exportFrom, exportTo);
        } catch (RuntimeException e) {
            PageFailures.show(e, "export");
            return;
        }
        Download.send("application/x-ndjson", true,
                Download.attachment(AuditExportStream.fileName(range[0], range[1])),
                out -> AuditExportStream.write(proofs, who, range[0], range[1], out));
    }

    /**
     * The report as a Chart.js configuration (JSON built by Jakarta JSON, so labels are safe): reads per group as
     * bars, per day as a line, and per day and role (or region) as one line per role (or region) over the days.
     */
    public String getReportChart() {
        if (report == null) {
            return null;
        }
        String group = report.groupBy();
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        JsonArrayBuilder labels = Json.createArrayBuilder();
        if (group.startsWith("day-")) {
            // keys are "day series": one dataset per series, a point per day (0 where it read nothing)
            SortedSet<String> days = new TreeSet<>();
            Map<String, Map<String, Long>> series = new TreeMap<>();
            for (Row row : report.rows()) {
                int space = row.key().indexOf(' ');
                String day = space < 0 ? row.key() : row.key().substring(0, space);
                String name = space < 0 ? "(none)" : row.key().substring(space + 1);
                days.add(day);
                series.computeIfAbsent(name, key -> new TreeMap<>()).merge(day, row.reads(), Long::sum);
            }
            days.forEach(labels::add);
            int colour = 0;
            for (Map.Entry<String, Map<String, Long>> line : series.entrySet()) {
                JsonArrayBuilder points = Json.createArrayBuilder();
                days.forEach(day -> points.add(line.getValue().getOrDefault(day, 0L)));
                String shade = PALETTE.get(colour++ % PALETTE.size());
                datasets.add(Json.createObjectBuilder().add("label", line.getKey()).add("data", points)
                        .add("borderColor", shade).add("backgroundColor", shade));
            }
        } else {
            JsonArrayBuilder reads = Json.createArrayBuilder();
            for (Row row : report.rows()) {
                labels.add(row.key());
                reads.add(row.reads());
            }
            datasets.add(Json.createObjectBuilder().add("label", Texts.get("msg.audit.chartLabel", group))
                    .add("data", reads).add("backgroundColor", PALETTE.get(0)).add("borderColor", PALETTE.get(0)));
        }
        boolean overTime = group.startsWith("day");
        return ChartConfig.of(overTime ? "line" : "bar", labels, datasets, ChartConfig.fromZero());
    }

    public AuditVerification getVerification() {
        return verification;
    }

    public List<CheckpointView> getCheckpoints() {
        return checkpoints;
    }

    public AccessReport getReport() {
        return report;
    }

    public Long getExportFrom() {
        return exportFrom;
    }

    public void setExportFrom(Long exportFrom) {
        this.exportFrom = exportFrom;
    }

    public Long getExportTo() {
        return exportTo;
    }

    public void setExportTo(Long exportTo) {
        this.exportTo = exportTo;
    }

    public String getReportFrom() {
        return reportFrom;
    }

    public void setReportFrom(String reportFrom) {
        this.reportFrom = reportFrom;
    }

    public String getReportTo() {
        return reportTo;
    }

    public void setReportTo(String reportTo) {
        this.reportTo = reportTo;
    }

    public String getGroupBy() {
        return groupBy;
    }

    public void setGroupBy(String groupBy) {
        this.groupBy = groupBy;
    }

    public String getClassification() {
        return classification;
    }

    public void setClassification(String classification) {
        this.classification = classification;
    }
}
