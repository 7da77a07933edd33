package org.custodian.interfaces.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.retention.RetentionService;
import org.custodian.application.retention.RetentionService.HoldInput;
import org.custodian.application.retention.RetentionService.HoldView;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/** Legal holds: the list, placing a hold on a customer or a ticket, and releasing one with a reason. */
@Named
@ViewScoped
public class HoldsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    RetentionService retention;

    @Inject
    PortalCaller portal;

    private List<HoldView> holds = new ArrayList<>();
    private String scope = "CUSTOMER";
    private Long customerId;
    private Long ticketId;
    private String reason;
    private String authority;
    private Long releaseId;
    private String releaseReason;

    @PostConstruct
    void load() {
        PageFailures.read(() -> holds = retention.holds(portal.get()));
    }

    public String place() {
        try {
            HoldView placed = retention.placeHold(portal.get(), new HoldInput(scope,
                    "CUSTOMER".equals(scope) ? customerId : null, "TICKET".equals(scope) ? ticketId : null, null,
                    null, null, null, reason, authority));
            return Flow.done(Flow.text("holds.placed"), Flow.text("holds.placedDetail", String.valueOf(placed.id())));
        } catch (RuntimeException e) {
            PageFailures.show(e, "place");
        }
        load();
        return null;
    }

    public String release() {
        try {
            retention.releaseHold(portal.get(), releaseId == null ? 0 : releaseId, releaseReason);
            return Flow.done(Flow.text("holds.released"), Flow.text("holds.releasedDetail", String.valueOf(releaseId)));
        } catch (RuntimeException e) {
            PageFailures.show(e, "release");
        }
        load();
        return null;
    }

    public List<HoldView> getHolds() {
        return holds;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public void setCustomerId(Long customerId) {
        this.customerId = customerId;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public void setTicketId(Long ticketId) {
        this.ticketId = ticketId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getAuthority() {
        return authority;
    }

    public void setAuthority(String authority) {
        this.authority = authority;
    }

    public Long getReleaseId() {
        return releaseId;
    }

    public void setReleaseId(Long releaseId) {
        this.releaseId = releaseId;
    }

    public String getReleaseReason() {
        return releaseReason;
    }

    public void setReleaseReason(String releaseReason) {
        this.releaseReason = releaseReason;
    }
}
