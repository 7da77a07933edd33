package org.custodian.interfaces.web.session;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.application.auth.AuthenticationService;
import org.custodian.application.auth.PasswordChecked;
import org.custodian.application.shared.GoneException;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.application.user.InvitationService;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.interfaces.http.ClientAddresses;
import org.custodian.interfaces.web.i18n.Texts;

/**
 * The page an invitation link opens: the user chooses a password, and is then signed in as by the sign-in form,
 * so a role that needs a second factor goes straight on to enroll it.
 */
@Named
@RequestScoped
public class InvitationBean {

    @EJB
    InvitationService invitations;

    @EJB
    AuthenticationService authentication;

    @Inject
    PortalSettings settings;

    @Inject
    ClientAddresses addresses;

    private String token;
    private String password;
    private String repeated;

    @PostConstruct
    void readLink() {
        // a GET carries it in the link; the form's POST sends it back in a hidden field
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null) {
            token = faces.getExternalContext().getRequestParameterMap().get("token");
        }
    }

    public String accept() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        String chosen = password == null ? "" : password;
        try {
            if (!chosen.equals(repeated)) {
                return failed(faces, Texts.get("invitation.differ"));
            }
            String address = addresses.of(request);
            InvitationService.AcceptedInvitation accepted = invitations.accept(token, chosen,
                    UUID.randomUUID().toString(), address);
            PasswordChecked checked = authentication.checkPassword(accepted.username(), chosen.toCharArray(),
                    UUID.randomUUID().toString(), address);
            return SignInBean.redirectTo(SignInBean.startSession(request, checked, settings,
                    Clock.systemUTC().instant(), false));
        } catch (GoneException | ResourceNotFoundException e) {
            return failed(faces, e instanceof GoneException ? e.getMessage()
                    : Texts.get("invitation.invalid"));
        } catch (DomainRuleViolationException e) {
            return failed(faces, e.getViolations().stream().map(v -> v.field() + " " + v.message())
                    .collect(Collectors.joining("; ")));
        } catch (org.custodian.application.auth.PasswordSignInDisabledException e) {
            // the invitation was accepted; only signing in with the password is off here (single sign-on)
            return failed(faces, Texts.get("invitation.ssoOnly"));
        } catch (RuntimeException e) {
            return failed(faces, Texts.get("invitation.failed"));
        } finally {
            password = null;
            repeated = null;
        }
    }

    private static String failed(FacesContext faces, String message) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.get("msg.invitation.notSet"), message));
        return null;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
