package org.custodian.interfaces.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.custodian.application.retention.RetentionService;
import org.custodian.application.retention.RetentionService.PolicyInput;
import org.custodian.application.retention.RetentionService.PolicyView;
import org.custodian.application.retention.RetentionService.Preview;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * Retention policies: the list, a new policy, and the preview of what a purge
 * would do as of a day, with the tickets it would touch and those legal holds or restrictions keep.
 */
@Named
@ViewScoped
public class RetentionBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    RetentionService retention;

    @Inject
    PortalCaller portal;

    private List<PolicyView> policies = List.of();
    private String name;
    private String categories;
    private String regions;
    private String clock = "AFTER_CLOSURE";
    private Integer days;
    private String action = "ANONYMIZE";
    private boolean active = true;
    private String reason;
    private String asOf = LocalDate.now(ZoneOffset.UTC).toString();
    private Preview preview;

    @PostConstruct
    void load() {
        PageFailures.read(() -> policies = retention.policies(portal.get()));
    }

    /**
     * Saves a new policy. Revising one stays with the API (PUT with If-Match): a form that does not start from the
     * policy's current values would silently widen it (empty categories and regions mean all).
     */
    public String save() {
        PolicyInput input = new PolicyInput(name, list(categories), list(regions), clock, days, action, active, reason);
        try {
            PolicyView saved = retention.createPolicy(portal.get(), input);
            return Flow.done(Flow.text("retention.saved"), Flow.text("retention.savedDetail", String.valueOf(saved.id()),
                    saved.name(), String.valueOf(saved.version())));
        } catch (RuntimeException e) {
            PageFailures.show(e, "policy");
        }
        load();
        return null;
    }

    public void runPreview() {
        try {
            preview = retention.preview(portal.get(), asOf + "T00:00:00Z");
        } catch (RuntimeException e) {
            preview = null;
            PageFailures.show(e, "preview");
        }
    }

    private static List<String> list(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    public List<PolicyView> getPolicies() {
        return policies;
    }

    public Preview getPreview() {
        return preview;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCategories() {
        return categories;
    }

    public void setCategories(String categories) {
        this.categories = categories;
    }

    public String getRegions() {
        return regions;
    }

    public void setRegions(String regions) {
        this.regions = regions;
    }

    public String getClock() {
        return clock;
    }

    public void setClock(String clock) {
        this.clock = clock;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getAsOf() {
        return asOf;
    }

    public void setAsOf(String asOf) {
        this.asOf = asOf;
    }
}
