package org.custodian.interfaces.web.admin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.privacy.DpiaService.DpiaInput;
import org.custodian.application.privacy.DpiaService.DpiaView;
import org.custodian.application.privacy.DpiaService.RiskInput;
import org.custodian.application.privacy.DpiaService.RiskView;

/**
 * The fields of the DPIA form: the whole content of a version (the service keeps every version whole). The risks are
 * rows; one empty row is always offered for the next risk, and rows left empty are not sent.
 */
public final class DpiaForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String title;
    private String processing;
    private List<String> purposes = new ArrayList<>();
    private final List<RiskRow> risks = new ArrayList<>(List.of(new RiskRow()));
    private String residualRisk;
    private String residualReason;
    private String reviewDate;
    private String reason;

    /** The form filled in from a version, for the next one (the reason is the new version's own). */
    static DpiaForm of(DpiaView view) {
        DpiaForm form = new DpiaForm();
        form.title = view.title();
        form.processing = view.processing();
        form.purposes = new ArrayList<>(view.purposes());
        form.risks.clear();
        for (RiskView risk : view.risks()) {
            RiskRow row = new RiskRow();
            row.description = risk.description();
            row.likelihood = risk.likelihood();
            row.severity = risk.severity();
            row.measures = risk.measures();
            form.risks.add(row);
        }
        form.risks.add(new RiskRow());
        form.residualRisk = view.residualRisk();
        form.residualReason = view.residualReason();
        form.reviewDate = view.reviewDate() == null ? null : view.reviewDate().toString();
        return form;
    }

    DpiaInput input() {
        List<RiskInput> given = risks.stream().filter(row -> !row.isEmpty()).map(RiskRow::input).toList();
        return new DpiaInput(title, processing, List.copyOf(purposes), given, blank(residualRisk),
                residualReason, blank(reviewDate), reason);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** One risk: what could happen, how likely and how severe before the measures, and the measures. */
    public static final class RiskRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String description;
        private String likelihood;
        private String severity;
        private String measures;

        boolean isEmpty() {
            return blank(description) == null && blank(likelihood) == null && blank(severity) == null
                    && blank(measures) == null;
        }

        RiskInput input() {
            return new RiskInput(description, blank(likelihood), blank(severity), measures);
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public String getLikelihood() {
            return likelihood;
        }

        public void setLikelihood(String likelihood) {
            this.likelihood = likelihood;
        }

        public String getSeverity() {
            return severity;
        }

        public void setSeverity(String severity) {
            this.severity = severity;
        }

        public String getMeasures() {
            return measures;
        }

        public void setMeasures(String measures) {
            this.measures = measures;
        }
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getProcessing() {
        return processing;
    }

    public void setProcessing(String processing) {
        this.processing = processing;
    }

    public List<String> getPurposes() {
        return purposes;
    }

    public void setPurposes(List<String> purposes) {
        this.purposes = purposes == null ? new ArrayList<>() : new ArrayList<>(purposes);
    }

    public List<RiskRow> getRisks() {
        return risks;
    }

    public String getResidualRisk() {
        return residualRisk;
    }

    public void setResidualRisk(String residualRisk) {
        this.residualRisk = residualRisk;
    }

    public String getResidualReason() {
        return residualReason;
    }

    public void setResidualReason(String residualReason) {
        this.residualReason = residualReason;
    }

    public String getReviewDate() {
        return reviewDate;
    }

    public void setReviewDate(String reviewDate) {
        this.reviewDate = reviewDate;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
