package org.custodian.interfaces.web.session;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.custodian.application.auth.AuthenticationFailedException;
import org.custodian.application.auth.AuthenticationService;
import org.custodian.application.auth.PasswordChecked;
import org.custodian.application.auth.SecondFactorStep;
import org.custodian.application.auth.TooManyAttemptsException;
import org.custodian.application.shared.Caller;
import org.custodian.application.auth.SignInBusyException;
import org.custodian.interfaces.http.ClientAddresses;

/**
 * The sign-in form and the second-factor form. Each step that raises what the session may do gives the session a
 * new id (no fixation); a failure says no more than the API's 401 does.
 */
@Named
@RequestScoped
public class SignInBean {

    @EJB
    AuthenticationService authentication;

    @Inject
    PortalSettings settings;

    @Inject
    ClientAddresses addresses;

    @Inject
    PortalCaller portal;

    private String username;
    private String password;
    private String code;
    private final Clock clock = Clock.systemUTC();

    public String signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        PasswordChecked checked;
        try {
            checked = authentication.checkPassword(username == null ? "" : username,
                    password == null ? new char[0] : password.toCharArray(), UUID.randomUUID().toString(),
                    addresses.of(request));
        } catch (EJBException | AuthenticationFailedException | TooManyAttemptsException | SignInBusyException e) {
            return failed(faces, e);
        } finally {
            password = null;
        }
        return redirectTo(startSession(request, checked, settings, clock.instant()));
    }

    /**
     * Gives a session (a new id: no fixation) to a user whose password was right, at the stage the check asks for
     * next; returns the page that stage opens. Shared with the invitation page, which signs its user in this way.
     */
    static String startSession(HttpServletRequest request, PasswordChecked checked, PortalSettings settings,
            Instant now) {
        Caller caller = checked.caller();
        PortalIdentity.Stage stage = switch (checked.next()) {
            case NONE -> PortalIdentity.Stage.SIGNED_IN;
            case VERIFY -> PortalIdentity.Stage.SECOND_FACTOR;
            case ENROLL -> PortalIdentity.Stage.ENROLLMENT;
        };
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, settings.idleTimeout().toSeconds() + 60));
        session.setAttribute(PortalIdentity.ATTRIBUTE, new PortalIdentity(caller.username(), checked.displayName(),
                caller.roles(), caller.regions(), stage, now, false));
        session.setAttribute(PortalIdentity.LAST_SEEN, now);
        return checked.next() == SecondFactorStep.NONE ? PortalGuard.landing(identity(session))
                : checked.next() == SecondFactorStep.VERIFY ? PortalGuard.SECOND_FACTOR : PortalGuard.ENROLL;
    }

    public String verify() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        HttpSession session = request.getSession(false);
        PortalIdentity identity = session == null ? null : identity(session);
        if (identity == null || identity.stage() != PortalIdentity.Stage.SECOND_FACTOR) {
            return redirectTo(PortalGuard.LOGIN);
        }
        try {
            authentication.checkSecondFactor(portal.callerOf(identity), code == null ? "" : code);
        } catch (EJBException | AuthenticationFailedException | TooManyAttemptsException e) {
            return failed(faces, e);
        } finally {
            code = null;
        }
        request.changeSessionId();
        PortalIdentity signedIn = identity.at(PortalIdentity.Stage.SIGNED_IN, clock.instant());
        session.setAttribute(PortalIdentity.ATTRIBUTE, signedIn);
        return redirectTo(PortalGuard.landing(signedIn));
    }

    /** Ends the session (a POST form, so no other site can sign the user out with a link). */
    public String signOut() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpSession session = (HttpSession) external.getSession(false);
        if (session != null) {
            AbandonedSessions.endRecorded(session);
        }
        portal.identity().ifPresent(identity -> authentication.recordSignOut(portal.callerOf(identity), false,
                "signed out"));
        external.invalidateSession();
        return redirectTo(PortalGuard.LOGIN + "?signedOut=true");
    }

    static PortalIdentity identity(HttpSession session) {
        return (PortalIdentity) session.getAttribute(PortalIdentity.ATTRIBUTE);
    }

    static String redirectTo(String path) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + path);
        FacesContext.getCurrentInstance().responseComplete();
        return null;
    }

    private static String failed(FacesContext faces, Exception failure) {
        Throwable cause = failure instanceof EJBException && failure.getCause() != null ? failure.getCause() : failure;
        String message = cause instanceof TooManyAttemptsException || cause instanceof AuthenticationFailedException
                || cause instanceof SignInBusyException
                ? cause.getMessage() : "sign-in is not possible right now; try again later";
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not signed in", message));
        return null;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
