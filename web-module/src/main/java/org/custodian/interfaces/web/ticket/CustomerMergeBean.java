package org.custodian.interfaces.web.ticket;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.Map;
import java.util.ResourceBundle;
import org.custodian.application.customer.CustomerMergeService;
import org.custodian.application.customer.CustomerMergeService.MergeView;
import org.custodian.application.customer.CustomerView;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;
import org.custodian.interfaces.web.i18n.Times;

/**
 * The customer page's merge section (#23): merging a duplicate record into the customer shown, for those the policy
 * lets merge, and the notice a merged record (a tombstone) shows instead of its fields.
 */
@Named
@ViewScoped
public class CustomerMergeBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    CustomerMergeService merges;

    @Inject
    CustomerBean customerBean;

    @Inject
    PortalCaller portal;

    private Boolean mayMerge;
    private Long duplicateId;
    private String reason;
    private boolean confirmed;

    /** Asked once per view: the section is shown only to those who may use it, for a live record. */
    public boolean isMayMerge() {
        if (mayMerge == null) {
            mayMerge = customerBean.isFound() && customerBean.getId() != null && portal.isSignedIn()
                    && merges.mayMergeInto(portal.get(), customerBean.getId());
        }
        return mayMerge;
    }

    public boolean isTombstone() {
        return CustomerView.isTombstone(body());
    }

    public Object getMergedInto() {
        return isTombstone() ? body().get("mergedInto") : null;
    }

    public String getMergedAt() {
        Object at = isTombstone() ? body().get("mergedAt") : null;
        return at instanceof Instant instant ? Times.forUser(instant) : String.valueOf(at);
    }

    public String merge() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle words = faces.getApplication().getResourceBundle(faces, "msg");
        Long survivorId = customerBean.getId();
        if (!confirmed) {
            faces.addMessage("merge:confirmed", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    words.getString("merge.confirm.required"), words.getString("merge.confirm.required")));
            faces.validationFailed();
            return null;
        }
        if (duplicateId != null && duplicateId.equals(survivorId)) {
            faces.addMessage("merge:duplicateId", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    words.getString("merge.duplicate.self"), words.getString("merge.duplicate.self")));
            faces.validationFailed();
            return null;
        }
        MergeView merged;
        try {
            merged = merges.merge(portal.get(), survivorId == null ? 0 : survivorId, duplicateId, reason);
        } catch (RuntimeException e) {
            PageFailures.show(e, "merge");
            return null;
        }
        String done = MessageFormat.format(words.getString("merge.done"), merged.duplicateId(), merged.survivorId(),
                merged.tickets());
        // post-redirect-get: a reload shows the survivor, it does not merge again
        return Flow.doneAt("/customer.xhtml?faces-redirect=true&id=" + merged.survivorId(), done, done);
    }

    private Map<String, Object> body() {
        CustomerView loaded = customerBean.loaded();
        return loaded == null ? null : loaded.body();
    }

    public Long getDuplicateId() {
        return duplicateId;
    }

    public void setDuplicateId(Long duplicateId) {
        this.duplicateId = duplicateId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public boolean isConfirmed() {
        return confirmed;
    }

    public void setConfirmed(boolean confirmed) {
        this.confirmed = confirmed;
    }
}
