package org.custodian.interfaces.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.custodian.application.privacy.DpiaService;
import org.custodian.application.privacy.DpiaService.DpiaView;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/** The stored DPIAs (#25) beside the records of processing: state, residual risk, review date, sign-off. */
@Named
@RequestScoped
public class DpiaListBean {

    @EJB
    DpiaService dpias;

    @Inject
    PortalCaller portal;

    private List<DpiaView> current = List.of();

    @PostConstruct
    void load() {
        PageFailures.read(() -> current = dpias.list(portal.get()));
    }

    public List<DpiaView> getDpias() {
        return current;
    }
}
