package org.custodian.interfaces.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.custodian.application.job.JobService;
import org.custodian.application.privacy.PrivacyRequestService.RequestView;
import org.custodian.application.privacy.SubjectPackageService.Prepared;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.custodian.interfaces.web.i18n.Times;

/**
 * The register's "Access package" button (#23): starts the subject-package job for a request, as
 * {@code POST /api/v1/privacy/requests/{id}/package} does, and shows its one-time download link after the redirect.
 */
@Named
@RequestScoped
public class PrivacyPackageBean {

    @EJB
    JobService jobs;

    @Inject
    PortalCaller portal;

    @Inject
    @ConfigProperty(name = "custodian.public-url")
    Optional<String> publicUrl;

    /** Packages answer ACCESS and PORTABILITY requests whose work has started (the service refuses the others). */
    public boolean offered(RequestView request) {
        return request != null && ("ACCESS".equals(request.type()) || "PORTABILITY".equals(request.type()))
                && "IN_PROGRESS".equals(request.status());
    }

    public String build(long requestId) {
        Prepared prepared;
        try {
            prepared = jobs.startSubjectPackage(portal.get(), requestId);
        } catch (RuntimeException e) {
            PageFailures.show(e, null);
            return null;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        // the configured public address when there is one, as the API does; else the address the officer used
        String base = publicUrl.filter(url -> !url.isBlank()).map(url -> url.replaceAll("/+$", ""))
                .orElseGet(() -> request.getRequestURL().toString().replaceFirst("(https?://[^/]+).*", "$1")
                        + request.getContextPath());
        // the flash lives in the session for one redirect: the secret link never goes into a URL or the browser
        external.getFlash().put("packageLink", base + prepared.downloadPath());
        external.getFlash().put("packageRequest", requestId);
        external.getFlash().put("packageExpires", Times.forUser(prepared.view().expiresAt()));
        return "/admin/privacy.xhtml?faces-redirect=true";
    }
}
