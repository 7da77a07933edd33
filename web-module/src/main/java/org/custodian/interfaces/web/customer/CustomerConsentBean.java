package org.custodian.interfaces.web.customer;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.custodian.application.privacy.ConsentService;
import org.custodian.application.privacy.ConsentService.ConsentState;
import org.custodian.application.privacy.ConsentService.ConsentView;
import org.custodian.application.privacy.ConsentService.NewConsent;
import org.custodian.domain.model.privacy.ConsentPurpose;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;
import org.custodian.interfaces.web.ticket.CustomerBean;

/**
 * The consent section of a customer's page (#23): what is in force per purpose, the history, and recording a
 * statement the customer made (given or withdrawn) through the consent service, audited there.
 */
@Named
@RequestScoped
public class CustomerConsentBean {

    @EJB
    ConsentService consents;

    @Inject
    PortalCaller portal;

    @Inject
    CustomerBean customer;

    private ConsentState state;
    private boolean loaded;
    private String purpose = ConsentPurpose.CHAT_TRANSCRIPT_STORAGE.name();
    private String statement = "given";
    private String source;
    private String textVersion;

    public ConsentState getState() {
        if (!loaded) {
            loaded = true;
            if (customer.getId() != null && portal.may("CONSENT_READ")) {
                try {
                    state = consents.state(portal.get(), customer.getId());
                } catch (RuntimeException e) {
                    state = null;
                }
            }
        }
        return state;
    }

    public List<String> getPurposes() {
        return Arrays.stream(ConsentPurpose.values()).map(Enum::name).toList();
    }

    /** The purposes with whether consent is in force, for the table. */
    public List<Map.Entry<String, Boolean>> getInForce() {
        ConsentState current = getState();
        return current == null ? List.of() : List.copyOf(current.inForce().entrySet());
    }

    public List<ConsentView> getHistory() {
        ConsentState current = getState();
        return current == null ? List.of() : current.history().stream().limit(20).toList();
    }

    public String record() {
        Long id = customer.getId();
        try {
            consents.record(portal.get(), id == null ? -1 : id,
                    new NewConsent(purpose, "given".equals(statement), source, textVersion));
        } catch (RuntimeException e) {
            PageFailures.show(e, "consentForm");
            return null;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().setKeepMessages(true);
        PageFailures.info(PortalText.of("consent.recorded"), PortalText.of("given".equals(statement)
                ? "consent.recorded.given" : "consent.recorded.withdrawn", PortalText.of("consent.purpose." + purpose)));
        return "/customer?faces-redirect=true&id=" + id;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public String getStatement() {
        return statement;
    }

    public void setStatement(String statement) {
        this.statement = statement;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getTextVersion() {
        return textVersion;
    }

    public void setTextVersion(String textVersion) {
        this.textVersion = textVersion;
    }
}
