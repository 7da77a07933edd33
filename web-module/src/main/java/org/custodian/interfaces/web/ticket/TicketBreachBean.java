package org.custodian.interfaces.web.ticket;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.custodian.application.audit.anomaly.AnomalyService;
import org.custodian.application.audit.anomaly.AnomalyService.AlertView;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * #25: on the SECURITY ticket an anomaly alert opened, the privacy officer records the breach with one click (the
 * register's form, the alert's actor and window filled in).
 */
@Named
@ViewScoped
public class TicketBreachBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AnomalyService anomalies;

    @Inject
    PortalCaller portal;

    @Inject
    TicketBean ticketBean;

    private Long alertId;
    private boolean looked;

    /** The alert that opened this ticket, for those who may record breaches; null: none (or not theirs). */
    public Long getAlertId() {
        if (!looked) {
            looked = true;
            Long ticket = ticketBean.getId();
            if (ticket != null && portal.may("BREACH_MANAGE") && portal.may("ALERT_READ")) {
                alertId = anomalies.alerts(portal.get()).stream().filter(alert -> ticket.equals(alert.ticketId()))
                        .map(AlertView::id).findFirst().orElse(null);
            }
        }
        return alertId;
    }
}
