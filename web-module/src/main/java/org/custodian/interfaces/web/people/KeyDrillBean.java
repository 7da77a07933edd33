package org.custodian.interfaces.web.people;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.custodian.application.audit.report.AccessReportService;
import org.custodian.application.audit.report.AccessReportService.CredentialAccess;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/** The leaked-key drill: everything one API key read and changed, and what was refused to it, from the trail. */
@Named
@ViewScoped
public class KeyDrillBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AccessReportService reports;

    @Inject
    PortalCaller portal;

    private String key;
    private CredentialAccess report;

    public void load() {
        if (key == null || key.isBlank()) {
            return;
        }
        try {
            report = reports.credentialAccess(portal.get(), key.trim(), null, null);
        } catch (RuntimeException e) {
            PageFailures.show(e, "drill");
        }
    }

    public CredentialAccess getReport() {
        return report;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
