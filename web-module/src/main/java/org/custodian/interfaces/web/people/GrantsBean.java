package org.custodian.interfaces.web.people;

import jakarta.ejb.EJB;
import jakarta.faces.event.ActionEvent;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.application.shared.PageResult;
import org.custodian.application.user.RoleGrantRequestView;
import org.custodian.application.user.RoleGrantService;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;
import org.custodian.interfaces.web.i18n.Texts;
import org.custodian.interfaces.web.i18n.Labels;

/**
 * Four-eyes requests: approve or reject (with a reason) what another user administrator asked for. One's own
 * requests, and requests for oneself, show why they cannot be decided here; the service refuses them anyway.
 */
@Named
@ViewScoped
public class GrantsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    RoleGrantService grants;

    @Inject
    PortalCaller portal;

    private String status = "PENDING";
    private PageResult<RoleGrantRequestView> result;
    private final Map<Long, String> reasons = new HashMap<>();
    private String reasonInput;

    public void load() {
        PageFailures.read(() -> result = grants.list(portal.get(), status, null, 0, 100));
    }

    /** Why the signed-in user cannot decide this request, or null when they may try. */
    public String whyNot(RoleGrantRequestView request) {
        String me = portal.getUsername();
        if (me.equals(request.requestedBy())) {
            return Texts.get("msg.grants.ownRequest");
        }
        if (me.equals(request.username())) {
            return Texts.get("msg.grants.forYou");
        }
        return null;
    }

    /** Remembers which row's reason field belongs to the button clicked (for a message next to it). */
    public void row(ActionEvent event) {
        reasonInput = Pages.beside(event, "reason");
    }

    public String approve(long id) {
        return PageFailures.attempt(null, () -> {
            RoleGrantRequestView decided = grants.approve(portal.get(), id);
            PageFailures.info(Texts.get("people.grants.APPROVED"), Texts.get("msg.grants.approved",
                    Labels.label("role", decided.role()), decided.username()));
            return Flow.redirect("/admin/grants.xhtml");
        });
    }

    public String reject(long id) {
        return PageFailures.atRow(reasonInput, () -> {
            RoleGrantRequestView decided = grants.reject(portal.get(), id, reasons.get(id));
            PageFailures.info(Texts.get("people.grants.REJECTED"), Texts.get("msg.grants.rejected",
                    Labels.label("role", decided.role()), decided.username()));
            return Flow.redirect("/admin/grants.xhtml");
        });
    }

    public List<RoleGrantRequestView> getRequests() {
        return result == null ? List.of() : result.items();
    }

    public long getTotal() {
        return result == null ? 0 : result.total();
    }

    public Map<Long, String> getReasons() {
        return reasons;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status == null || status.isBlank() ? "PENDING" : status;
    }
}
