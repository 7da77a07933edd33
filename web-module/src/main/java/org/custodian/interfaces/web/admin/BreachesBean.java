package org.custodian.interfaces.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.custodian.application.audit.anomaly.AnomalyService;
import org.custodian.application.audit.anomaly.AnomalyService.AlertView;
import org.custodian.application.privacy.breach.BreachService;
import org.custodian.application.privacy.breach.BreachService.BreachInput;
import org.custodian.application.privacy.breach.BreachService.BreachView;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * The breach register (#25, Art. 33/34): the list with each 72-hour clock, recording a breach (from scratch or from
 * an anomaly alert with one click: {@code ?alert=}), and one breach ({@code ?id=}) with its decisions.
 */
@Named
@ViewScoped
public class BreachesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    BreachService breaches;

    @EJB
    AnomalyService anomalies;

    @Inject
    PortalCaller portal;

    private Long id;
    private Long alert;
    private List<BreachView> list = new ArrayList<>();
    private long total;
    private List<AlertView> alerts = new ArrayList<>();
    private BreachView breach;
    private final Form form = new Form();
    private String reference;
    private String notifiedAt;
    private String delayReason;
    private String noNotificationReason;
    private Boolean notifySubjects;
    private String subjectsReason;

    /** The view action: the list, the recent alerts, the breach asked for, the form filled in from an alert. */
    public void load() {
        PageFailures.read(() -> {
            var page = breaches.list(portal.get(), 0, 200);
            list = page.items();
            total = page.total();
            if (portal.may("BREACH_MANAGE") && portal.may("ALERT_READ")) {
                List<AlertView> all = anomalies.alerts(portal.get());
                alerts = all.subList(0, Math.min(all.size(), 10));
            }
            if (id != null) {
                breach = breaches.get(portal.get(), id);
            }
            if (alert != null && !FacesContext.getCurrentInstance().isPostback()) {
                form.fill(breaches.proposal(portal.get(), alert));
            }
        });
    }

    public String record() {
        try {
            BreachView created = breaches.record(portal.get(), form.input());
            return Flow.doneAt("/admin/breaches.xhtml?faces-redirect=true&id=" + created.id(),
                    Flow.text("breaches.recorded"), Flow.text("breaches.recordedDetail", String.valueOf(created.id())));
        } catch (RuntimeException e) {
            PageFailures.show(e, "record");
        }
        return null;
    }

    public String notifyAuthority() {
        try {
            breaches.notifyAuthority(portal.get(), id, blank(notifiedAt), reference, blank(delayReason));
            return Flow.done(Flow.text("breaches.notified"), null);
        } catch (RuntimeException e) {
            PageFailures.show(e, "authority");
        }
        return null;
    }

    public String noNotification() {
        try {
            breaches.decideNotToNotify(portal.get(), id, noNotificationReason);
            return Flow.done(Flow.text("breaches.notNotified"), null);
        } catch (RuntimeException e) {
            PageFailures.show(e, "nonotice");
        }
        return null;
    }

    public String decideSubjects() {
        try {
            breaches.decideSubjects(portal.get(), id, notifySubjects, subjectsReason);
            return Flow.done(Flow.text("breaches.subjectsDecided"), null);
        } catch (RuntimeException e) {
            PageFailures.show(e, "subjects");
        }
        return null;
    }

    /** The clock in words: time left to the deadline, how long overdue, or how it was decided. */
    public String clock(BreachView view) {
        if (!"OPEN".equals(view.status())) {
            return view.late() ? Flow.text("breaches.clock.late") : Flow.text("breaches.clock.stopped");
        }
        Duration left = Duration.between(Instant.now(), view.dueAt());
        Duration shown = left.isNegative() ? left.negated() : left;
        String hours = String.valueOf(shown.toHours());
        String minutes = String.valueOf(shown.toMinutesPart());
        return left.isNegative() ? Flow.text("breaches.clock.overdue", hours, minutes)
                : Flow.text("breaches.clock.left", hours, minutes);
    }

    /** The open breaches against their 72-hour deadline, the soonest (or longest overdue) first. */
    public List<BreachView> getClocks() {
        return list.stream().filter(each -> "OPEN".equals(each.status()))
                .sorted(java.util.Comparator.comparing(BreachView::dueAt)).toList();
    }

    /** How much of the time from awareness to the deadline has passed, in % (100: the deadline is reached). */
    public long elapsedPercent(BreachView view) {
        long whole = Duration.between(view.awareAt(), view.dueAt()).toSeconds();
        long passed = Duration.between(view.awareAt(), Instant.now()).toSeconds();
        return whole <= 0 ? 100 : Math.max(0, Math.min(100, passed * 100 / whole));
    }

    /** Whether an alert was recorded as a breach already (recording it again is refused). */
    public boolean recorded(AlertView view) {
        return list.stream().anyMatch(each -> Long.valueOf(view.id()).equals(each.alertId()));
    }

    /** The first line of what happened, for the list (the whole text is on the breach's own page). */
    public String shortNature(BreachView view) {
        String nature = view.nature();
        return nature.length() <= 140 ? nature : nature.substring(0, 139) + "…";
    }

    public String categories(BreachView view) {
        return String.join(", ", view.categories());
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The fields of the form to record a breach. */
    public static final class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private String nature;
        private String categories;
        private Long subjectsApprox;
        private Long recordsApprox;
        private String consequences;
        private String measures;
        private String awareAt;
        private String actor;
        private String from;
        private String to;
        private Long alertId;

        void fill(BreachInput proposal) {
            nature = proposal.nature();
            awareAt = proposal.awareAt();
            actor = proposal.actor();
            from = proposal.from();
            to = proposal.to();
            alertId = proposal.alertId();
        }

        BreachInput input() {
            List<String> named = categories == null ? List.of() : Arrays.stream(categories.split("[,;\\n]"))
                    .map(String::trim).filter(each -> !each.isEmpty()).toList();
            return new BreachInput(nature, named, subjectsApprox, recordsApprox, consequences, measures,
                    blank(awareAt), blank(actor), blank(from), blank(to), alertId);
        }

        public String getNature() {
            return nature;
        }

        public void setNature(String nature) {
            this.nature = nature;
        }

        public String getCategories() {
            return categories;
        }

        public void setCategories(String categories) {
            this.categories = categories;
        }

        public Long getSubjectsApprox() {
            return subjectsApprox;
        }

        public void setSubjectsApprox(Long subjectsApprox) {
            this.subjectsApprox = subjectsApprox;
        }

        public Long getRecordsApprox() {
            return recordsApprox;
        }

        public void setRecordsApprox(Long recordsApprox) {
            this.recordsApprox = recordsApprox;
        }

        public String getConsequences() {
            return consequences;
        }

        public void setConsequences(String consequences) {
            this.consequences = consequences;
        }

        public String getMeasures() {
            return measures;
        }

        public void setMeasures(String measures) {
            this.measures = measures;
        }

        public String getAwareAt() {
            return awareAt;
        }

        public void setAwareAt(String awareAt) {
            this.awareAt = awareAt;
        }

        public String getActor() {
            return actor;
        }

        public void setActor(String actor) {
            this.actor = actor;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getTo() {
            return to;
        }

        public void setTo(String to) {
            this.to = to;
        }

        public Long getAlertId() {
            return alertId;
        }

        public void setAlertId(Long alertId) {
            this.alertId = alertId;
        }
    }

    public Form getForm() {
        return form;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getAlert() {
        return alert;
    }

    public void setAlert(Long alert) {
        this.alert = alert;
    }

    public List<BreachView> getList() {
        return list;
    }

    public long getTotal() {
        return total;
    }

    public List<AlertView> getAlerts() {
        return alerts;
    }

    public BreachView getBreach() {
        return breach;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getNotifiedAt() {
        return notifiedAt;
    }

    public void setNotifiedAt(String notifiedAt) {
        this.notifiedAt = notifiedAt;
    }

    public String getDelayReason() {
        return delayReason;
    }

    public void setDelayReason(String delayReason) {
        this.delayReason = delayReason;
    }

    public String getNoNotificationReason() {
        return noNotificationReason;
    }

    public void setNoNotificationReason(String noNotificationReason) {
        this.noNotificationReason = noNotificationReason;
    }

    public Boolean getNotifySubjects() {
        return notifySubjects;
    }

    public void setNotifySubjects(Boolean notifySubjects) {
        this.notifySubjects = notifySubjects;
    }

    public String getSubjectsReason() {
        return subjectsReason;
    }

    public void setSubjectsReason(String subjectsReason) {
        this.subjectsReason = subjectsReason;
    }
}
