package org.custodian.interfaces.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodian.application.policy.ClassificationView;
import org.custodian.application.policy.PolicyCatalogService;
import org.custodian.application.policy.PolicyChangeView;
import org.custodian.application.policy.VisibilityCellView;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;
import org.custodian.interfaces.web.i18n.Texts;
import org.custodian.interfaces.web.i18n.Labels;

/**
 * The classification catalog and the visibility matrix, each change with a reason and against the version shown
 * (someone else's change in between is a conflict, not an overwrite), and the history of changes.
 */
@Named
@ViewScoped
public class PolicyBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final List<String> CLASSIFICATIONS = List.of("PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED");
    static final int HISTORY_SHOWN = 30;

    @EJB
    PolicyCatalogService catalog;

    @Inject
    PortalCaller portal;

    private List<ClassificationView> classifications = List.of();
    private List<VisibilityCellView> cells = List.of();
    private List<PolicyChangeView> history = List.of();
    private String field;
    private String newClassification;
    private String role;
    private String cellClassification;
    private String visibility;
    private String reason;

    @PostConstruct
    void load() {
        PageFailures.read(() -> {
            classifications = catalog.classifications(portal.get());
            cells = catalog.matrix(portal.get());
            history = catalog.history(portal.get(), HISTORY_SHOWN);
        });
    }

    public String reclassify() {
        Long version = classifications.stream().filter(entry -> entry.field().equals(field)).findFirst()
                .map(ClassificationView::version).orElse(null);
        try {
            ClassificationView changed = catalog.reclassify(portal.get(), field, newClassification, reason, version);
            return Flow.done(Texts.get("policy.reclassify"), Texts.get("msg.policy.reclassified", changed.field(),
                    Labels.label("classification", changed.classification())));
        } catch (RuntimeException e) {
            PageFailures.show(e, "reclassify");
        }
        load();
        return null;
    }

    public String changeVisibility() {
        Long version = cells.stream().filter(cell -> cell.role().equals(role)
                && cell.classification().equals(cellClassification)).findFirst().map(VisibilityCellView::version)
                .orElse(null);
        try {
            VisibilityCellView changed = catalog.changeVisibility(portal.get(), role, cellClassification, visibility,
                    reason, version);
            return Flow.done(Texts.get("policy.change"), Texts.get("msg.policy.visibility",
                    Labels.label("role", changed.role()), Labels.label("classification", changed.classification()),
                    Labels.label("visibility", changed.visibility())));
        } catch (RuntimeException e) {
            PageFailures.show(e, "visibility");
        }
        load();
        return null;
    }

    /** The matrix as rows: a role and its visibility of each classification, in the order of CLASSIFICATIONS. */
    public List<Map.Entry<String, List<String>>> getMatrixRows() {
        Map<String, Map<String, String>> byRole = new TreeMap<>();
        for (VisibilityCellView cell : cells) {
            byRole.computeIfAbsent(cell.role(), key -> new LinkedHashMap<>()).put(cell.classification(),
                    cell.visibility());
        }
        List<Map.Entry<String, List<String>>> rows = new ArrayList<>();
        byRole.forEach((name, row) -> rows.add(Map.entry(name,
                CLASSIFICATIONS.stream().map(classification -> row.getOrDefault(classification, "")).toList())));
        return rows;
    }

    public List<String> getClassificationNames() {
        return CLASSIFICATIONS;
    }

    public List<String> getRoleNames() {
        return cells.stream().map(VisibilityCellView::role).distinct().sorted().toList();
    }

    public List<ClassificationView> getClassifications() {
        return classifications;
    }

    public List<PolicyChangeView> getHistory() {
        return history;
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    public String getNewClassification() {
        return newClassification;
    }

    public void setNewClassification(String newClassification) {
        this.newClassification = newClassification;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getCellClassification() {
        return cellClassification;
    }

    public void setCellClassification(String cellClassification) {
        this.cellClassification = cellClassification;
    }

    public String getVisibility() {
        return visibility;
    }

    public void setVisibility(String visibility) {
        this.visibility = visibility;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
