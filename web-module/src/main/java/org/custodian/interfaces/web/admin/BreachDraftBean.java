package org.custodian.interfaces.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.custodian.application.privacy.breach.BreachService;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * The printable notification draft of one breach ({@code /admin/breach-draft.xhtml?id=}): the page the service
 * renders (every value escaped), sent as it is instead of the portal's layout, for the signed-in privacy officer.
 */
@Named
@RequestScoped
public class BreachDraftBean {

    @EJB
    BreachService breaches;

    @Inject
    PortalCaller portal;

    private Long id;

    public void write() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String html;
        try {
            html = breaches.draft(portal.get(), id == null ? 0 : id);
        } catch (RuntimeException e) {
            PageFailures.show(e, null); // the page then shows why, in the portal's layout
            return;
        }
        ExternalContext response = faces.getExternalContext();
        response.setResponseContentType("text/html; charset=UTF-8");
        try {
            response.getResponseOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
