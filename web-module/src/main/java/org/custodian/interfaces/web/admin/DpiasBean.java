package org.custodian.interfaces.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.privacy.DpiaService;
import org.custodian.application.privacy.DpiaService.DpiaInput;
import org.custodian.application.privacy.DpiaService.DpiaView;
import org.custodian.application.privacy.PrivacyRecordsService;
import org.custodian.application.shared.AccessDeniedException;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * The DPIA page (#25, Art. 35): the stored assessments, one of them ({@code ?id=}) with its versions, the form that
 * writes a new assessment or the next version of the chosen one, and the sign-off. The four-eyes rule is the
 * service's: when the writer of a version tries to sign it off, its refusal is shown in plain words.
 */
@Named
@ViewScoped
public class DpiasBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    DpiaService dpias;

    @EJB
    PrivacyRecordsService records;

    @Inject
    PortalCaller portal;

    private Long id;
    private DpiaView current;
    private List<DpiaView> versions = new ArrayList<>();
    private List<String> purposeNames = new ArrayList<>();
    private DpiaForm form = new DpiaForm();
    private String note;

    /** The view action: the assessment asked for with its versions, and the form filled in from it. */
    public void load() {
        PageFailures.read(() -> {
            if (portal.may("DPIA_MANAGE")) {
                purposeNames = new ArrayList<>(records.recordsOfProcessing(portal.get()).purposes().stream()
                        .map(p -> p.name()).toList());
            }
            if (id != null) {
                current = dpias.get(portal.get(), id);
                versions = new ArrayList<>(dpias.versions(portal.get(), id));
                if (!FacesContext.getCurrentInstance().isPostback()) {
                    form = DpiaForm.of(current);
                }
            }
        });
    }

    /** A new assessment, or the next version of the one shown (refused as stale if someone saved meanwhile). */
    public String save() {
        try {
            DpiaInput input = form.input();
            DpiaView saved = current == null ? dpias.create(portal.get(), input)
                    : dpias.revise(portal.get(), current.id(), input, current.version());
            return Flow.doneAt("/admin/dpias.xhtml?faces-redirect=true&id=" + saved.id(), Flow.text("dpias.saved"),
                    Flow.text("dpias.savedDetail", String.valueOf(saved.id()), String.valueOf(saved.version())));
        } catch (RuntimeException e) {
            PageFailures.show(e, "dpia");
        }
        return null;
    }

    /** Signs off the version shown; the service refuses its writer (four eyes), which is said as such. */
    public String signOff() {
        try {
            dpias.signOff(portal.get(), id, current.version(), note);
            return Flow.done(Flow.text("dpias.signedOff"), Flow.text("dpias.signedOffDetail",
                    String.valueOf(current.version())));
        } catch (RuntimeException e) {
            Throwable cause = e instanceof jakarta.ejb.EJBException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof AccessDeniedException && portal.get().username().equals(current.writtenBy())) {
                Flow.error(Flow.text("dpias.fourEyes", String.valueOf(current.version())));
                FacesContext.getCurrentInstance().validationFailed();
            } else {
                PageFailures.show(e, "signOff");
            }
        }
        return null;
    }

    /** Whether the version shown waits for a sign-off this user may give (a privacy officer; the writer is refused). */
    public boolean isSignable() {
        return current != null && current.signedOffBy() == null && portal.may("DPIA_SIGN_OFF");
    }

    /** The purposes the version shown covers, as a list in words. */
    public String getPurposesText() {
        return current == null ? "" : String.join("; ", current.purposes());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public DpiaView getCurrent() {
        return current;
    }

    public List<DpiaView> getVersions() {
        return versions;
    }

    public List<String> getPurposeNames() {
        return purposeNames;
    }

    public DpiaForm getForm() {
        return form;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
