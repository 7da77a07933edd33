package org.custodian.interfaces.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.custodian.application.audit.siem.SiemDeliveryService;
import org.custodian.application.auth.AuthenticationService;
import org.custodian.application.backup.BackupCatalog;
import org.custodian.application.backup.BackupSetView;
import org.custodian.application.backup.RestoreRunView;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;
import org.custodian.interfaces.web.i18n.Texts;

/**
 * For operators: the backup catalog with each set's verification, restore and drill reports, SIEM delivery, and
 * the reset of another user's lost second factor.
 */
@Named
@ViewScoped
public class OperationsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    BackupCatalog catalog;

    @EJB
    SiemDeliveryService siem;

    @Inject
    PortalCaller portal;

    private List<BackupSetView> sets = List.of();
    private List<RestoreRunView> restores = List.of();
    private SiemDeliveryService.Status siemStatus;
    private String resetUser;
    private String resetReason;

    @EJB
    AuthenticationService authentication;

    @PostConstruct
    void load() {
        PageFailures.read(() -> {
            sets = catalog.list(portal.get());
            restores = catalog.restores(portal.get());
        });
        // the same figures /health shows to anyone: no personal data, no policy decision
        siemStatus = siem.status();
    }

    /** A lost authenticator: the user enrolls again at their next sign-in. */
    public void resetSecondFactor() {
        try {
            authentication.resetSecondFactor(portal.get(), resetUser, resetReason);
            PageFailures.info(Texts.get("msg.ops.reset"), Texts.get("msg.ops.reset.detail", resetUser));
            resetUser = null;
            resetReason = null;
        } catch (RuntimeException e) {
            PageFailures.show(e, "reset");
        }
    }

    public String getResetUser() {
        return resetUser;
    }

    public void setResetUser(String resetUser) {
        this.resetUser = resetUser;
    }

    public String getResetReason() {
        return resetReason;
    }

    public void setResetReason(String resetReason) {
        this.resetReason = resetReason;
    }

    /** Milliseconds as seconds with one decimal, for RTO and RPO. */
    public String seconds(Long millis) {
        return millis == null ? "" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    public List<BackupSetView> getSets() {
        return sets;
    }

    public List<RestoreRunView> getRestores() {
        return restores;
    }

    public SiemDeliveryService.Status getSiemStatus() {
        return siemStatus;
    }
}
