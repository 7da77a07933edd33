package org.custodian.interfaces.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.custodian.application.audit.AccessReportService;
import org.custodian.application.audit.AccessReportService.AccessReport;
import org.custodian.application.audit.AccessReportService.Row;
import org.custodian.application.audit.AuditProofService;
import org.custodian.application.audit.AuditProofService.CheckpointView;
import org.custodian.application.audit.AuditService;
import org.custodian.application.audit.AuditVerification;
import org.custodian.application.shared.Caller;
import org.custodian.interfaces.rest.audit.AuditExportStream;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * For auditors: verify the trail with one click, the signed checkpoints, an export for offline verification, and
 * access reports drawn as charts (Chart.js through PrimeFaces) with the numbers in a table beside them.
 */
@Named
@ViewScoped
public class AuditBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int CHECKPOINTS_SHOWN = 20;

    @EJB
    AuditService audit;

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
        try {
            checkpoints = proofs.checkpoints(portal.get(), CHECKPOINTS_SHOWN).history();
        } catch (RuntimeException e) {
            PageFailures.show(e, null);
        }
    }

    public void verify() {
        try {
            verification = audit.verify(portal.get());
        } catch (RuntimeException e) {
            PageFailures.show(e, null);
        }
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
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/jsonl");
        external.setResponseCharacterEncoding(StandardCharsets.UTF_8.name());
        external.setResponseHeader("Content-Disposition",
                "attachment; filename=\"" + AuditExportStream.fileName(range[0], range[1]) + "\"");
        AuditExportStream.write(proofs, who, range[0], range[1], external.getResponseOutputStream());
        faces.responseComplete();
    }

    /** The report's reads per group as a Chart.js configuration (JSON built by Jakarta JSON, so labels are safe). */
    public String getReportChart() {
        if (report == null) {
            return null;
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder reads = Json.createArrayBuilder();
        for (Row row : report.rows()) {
            labels.add(row.key());
            reads.add(row.reads());
        }
        boolean overTime = "day".equals(report.groupBy());
        return Json.createObjectBuilder()
                .add("type", overTime ? "line" : "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels)
                        .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("label", "Reads of personal data by " + report.groupBy()).add("data", reads)
                                .add("backgroundColor", "#1f3a5f").add("borderColor", "#1f3a5f"))))
                .add("options", Json.createObjectBuilder().add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder()
                                .add("beginAtZero", true))))
                .build().toString();
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
