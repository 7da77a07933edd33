package org.custodian.interfaces.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.custodian.application.privacy.ConsentService;
import org.custodian.application.privacy.ConsentService.ConsentState;
import org.custodian.application.privacy.PrivacyRequestService;
import org.custodian.application.privacy.PrivacyRequestService.NewRequest;
import org.custodian.application.privacy.PrivacyRequestService.RequestView;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.i18n.Labels;
import org.custodian.interfaces.web.i18n.Times;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * For privacy officers: the register of subject requests with due dates (all, overdue, due soon), registering a
 * request, moving one along (identity verified, started, completed, rejected, extended, erased), and consent lookup.
 */
@Named
@ViewScoped
public class PrivacyBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    PrivacyRequestService requests;

    @EJB
    ConsentService consents;

    @Inject
    PortalCaller portal;

    private String show = "all";
    private List<RequestView> register = List.of();
    private String type = "ACCESS";
    private Long customerId;
    private String email;
    private String phone;
    private Long requestId;
    private String step;
    private String note;
    private Long consentCustomerId;
    /** #25: the consent purposes an OBJECTION names. */
    private List<String> purposes = List.of();
    /** #25: the purposes to stop when carrying an objection out (none: those named at registration). */
    private List<String> stepPurposes = List.of();
    private ConsentState consent;

    @PostConstruct
    void load() {
        PageFailures.read(() -> {
            register = requests.list(portal.get(), "overdue".equals(show), "soon".equals(show) ? 7 : null);
        });
    }

    public void filter() {
        load();
    }

    public String registerRequest() {
        try {
            RequestView registered = requests.register(portal.get(), new NewRequest(type, customerId, email, phone,
                    null, null, "OBJECTION".equals(type) || !purposes.isEmpty() ? purposes : null));
            return Flow.done(Flow.text("privacy.registered"), Flow.text("privacy.registeredDetail",
                    String.valueOf(registered.id()), Times.forUser(registered.dueAt())));
        } catch (RuntimeException e) {
            PageFailures.show(e, "newRequest");
        }
        load();
        return null;
    }

    /** One step of a request's life, as the API offers it; {@code note} is the method, outcome or reason. */
    public String advance() {
        long id = requestId == null ? 0 : requestId;
        try {
            RequestView after = switch (step == null ? "" : step) {
                case "verify" -> requests.verifyIdentity(portal.get(), id, note);
                case "start" -> requests.start(portal.get(), id);
                case "complete" -> requests.complete(portal.get(), id, note);
                case "erase" -> requests.erase(portal.get(), id);
                case "object" -> requests.object(portal.get(), id, stepPurposes.isEmpty() ? null : stepPurposes);
                case "reject" -> requests.reject(portal.get(), id, note);
                case "extend" -> requests.extend(portal.get(), id, note);
                default -> throw new DomainRuleViolationException("step",
                        "choose what to do: verify, start, complete, erase, object, reject or extend");
            };
            return Flow.done(Flow.text("privacy.done"), Flow.text("privacy.doneDetail", String.valueOf(after.id()),
                    Labels.label("privacyStatus", after.status())));
        } catch (RuntimeException e) {
            PageFailures.show(e, "advance");
        }
        load();
        return null;
    }

    public void lookUpConsent() {
        consent = null;
        try {
            consent = consents.state(portal.get(), consentCustomerId == null ? 0 : consentCustomerId);
        } catch (RuntimeException e) {
            PageFailures.show(e, "consent");
        }
    }

    public List<Map.Entry<String, Boolean>> getConsentInForce() {
        return consent == null ? List.of() : List.copyOf(consent.inForce().entrySet());
    }

    public ConsentState getConsent() {
        return consent;
    }

    public List<RequestView> getRegister() {
        return register;
    }

    public String getShow() {
        return show;
    }

    public void setShow(String show) {
        this.show = show;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public void setCustomerId(Long customerId) {
        this.customerId = customerId;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public Long getRequestId() {
        return requestId;
    }

    public void setRequestId(Long requestId) {
        this.requestId = requestId;
    }

    public String getStep() {
        return step;
    }

    public void setStep(String step) {
        this.step = step;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public List<String> getPurposes() {
        return purposes;
    }

    public void setPurposes(List<String> purposes) {
        this.purposes = purposes == null ? List.of() : purposes;
    }

    public List<String> getStepPurposes() {
        return stepPurposes;
    }

    public void setStepPurposes(List<String> stepPurposes) {
        this.stepPurposes = stepPurposes == null ? List.of() : stepPurposes;
    }

    public Long getConsentCustomerId() {
        return consentCustomerId;
    }

    public void setConsentCustomerId(Long consentCustomerId) {
        this.consentCustomerId = consentCustomerId;
    }
}
