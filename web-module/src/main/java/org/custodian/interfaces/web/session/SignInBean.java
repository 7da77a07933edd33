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
import org.custodian.application.auth.PasswordSignInDisabledException;
import org.custodian.application.identity.AuthorizationCodeFlow;
import org.custodian.application.identity.IdentityProviderSettings;
import org.custodian.application.identity.SingleSignOnService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.custodian.application.auth.SecondFactorStep;
import org.custodian.application.auth.TooManyAttemptsException;
import org.custodian.application.shared.Caller;
import org.custodian.application.auth.SignInBusyException;
import org.custodian.interfaces.http.ClientAddresses;
import org.custodian.interfaces.web.i18n.Texts;

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

    @EJB
    SingleSignOnService singleSignOn;

    @Inject
    IdentityProviderSettings idp;

    @Inject
    AuthorizationCodeFlow flow;

    @Inject
    @ConfigProperty(name = "custodian.public-url")
    java.util.Optional<String> publicUrl;

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
        } catch (EJBException | AuthenticationFailedException | TooManyAttemptsException | SignInBusyException
                | PasswordSignInDisabledException e) {
            return failed(faces, e);
        } finally {
            password = null;
        }
        String landing = startSession(request, checked, settings, clock.instant(), false);
        return redirectTo(afterSignIn(request.getSession(false), checked.next() == SecondFactorStep.NONE, landing,
                DeepLink.safe(request.getParameter(DeepLink.PARAMETER)).orElse(null)));
    }

    /**
     * Where a sign-in goes on: the page the user wanted ({@code next}) once it is complete, else the landing page;
     * with a second-factor step still to come, that step's page, the wanted page kept for after it.
     */
    static String afterSignIn(HttpSession session, boolean complete, String landing, String next) {
        if (next == null) {
            return landing;
        }
        if (complete) {
            return next;
        }
        session.setAttribute(DeepLink.ATTRIBUTE, next);
        return landing;
    }

    /**
     * Gives a session (a new id: no fixation) to a user whose password was right, at the stage the check asks for
     * next; returns the page that stage opens. Shared with the invitation page, which signs its user in this way.
     */
    static String startSession(HttpServletRequest request, PasswordChecked checked, PortalSettings settings,
            Instant now, boolean secondFactorGiven) {
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
                caller.roles(), caller.regions(), stage, now, secondFactorGiven));
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
        String next = (String) session.getAttribute(DeepLink.ATTRIBUTE);
        session.removeAttribute(DeepLink.ATTRIBUTE);
        return redirectTo(DeepLink.safe(next).orElse(PortalGuard.landing(signedIn)));
    }

    /**
     * Ends the session (a POST form, so no other site can sign the user out with a link). A session started through
     * the identity provider ends there too when it names an {@code end_session_endpoint}: the browser goes there
     * with the ID token as {@code id_token_hint} and comes back to the login page.
     */
    public String signOut() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpSession session = (HttpSession) external.getSession(false);
        PortalIdentity.SingleSignOn sso = null;
        if (session != null) {
            AbandonedSessions.endRecorded(session);
            sso = (PortalIdentity.SingleSignOn) session.getAttribute(PortalIdentity.SINGLE_SIGN_ON);
        }
        portal.identity().ifPresent(identity -> authentication.recordSignOut(portal.callerOf(identity), false,
                "signed out"));
        if (sso != null) {
            singleSignOn.ended(sso.key(), "signed-out");
        }
        external.invalidateSession();
        if (sso != null && idp.portalSignIn()) {
            String back = SingleSignOnServlet.base(request, publicUrl) + PortalGuard.LOGIN + "?signedOut=true";
            java.util.Optional<java.net.URI> endSession = flow.endSessionUrl(sso.idToken(), back);
            if (endSession.isPresent()) {
                external.redirect(endSession.get().toString());
                faces.responseComplete();
                return null;
            }
        }
        return redirectTo(PortalGuard.LOGIN + "?signedOut=true");
    }

    /** Whether the login page offers "Sign in with ..." (issuer, client id and secret configured). */
    public boolean isSingleSignOn() {
        return idp.portalSignIn();
    }

    public String getSingleSignOnName() {
        return idp.displayName();
    }

    /** The button's address: the IdP's flow, carrying the page the user wanted. */
    public String getSingleSignOnUrl() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String next = DeepLink.safe(external.getRequestParameterMap().get(DeepLink.PARAMETER)).orElse(null);
        return external.getRequestContextPath() + SingleSignOnServlet.START + (next == null ? ""
                : "?" + DeepLink.PARAMETER + "=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Whether the password form is shown: unless password sign-in is off (then only at {@code ?password=true}, the
     * administrators' break-glass way in when the IdP is down; the server still admits only the exempt users).
     */
    public boolean isPasswordForm() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return settings.passwordSignIn() || !idp.portalSignIn()
                || "true".equals(external.getRequestParameterMap().get("password"));
    }

    /** The message for a sign-in through the IdP that came back here ({@code ?sso=...}), or null. */
    public String getSingleSignOnProblem() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String reason = external.getRequestParameterMap().get("sso");
        if (reason == null) {
            return null;
        }
        String name = idp.displayName();
        // #23: in the page's language; the identity provider's own refusal is shown as it said it
        return switch (reason) {
            case "access_denied", "state", "unavailable", "off", "failed" -> Texts.get("sso." + reason, name);
            case "refused" -> Texts.get("sso.refused", name, refusal(external));
            default -> Texts.get("sso.other", name, reason.matches("[a-z_]{1,64}") ? reason : "error");
        };
    }

    private static String refusal(ExternalContext external) {
        HttpSession session = (HttpSession) external.getSession(false);
        Object detail = session == null ? null : session.getAttribute(SingleSignOnServlet.REFUSAL);
        return detail == null ? Texts.get("sso.askAdmin") : detail.toString();
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
                || cause instanceof SignInBusyException || cause instanceof PasswordSignInDisabledException
                ? cause.getMessage() : Texts.get("msg.signIn.unavailable");
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.get("msg.signIn.failed"), message));
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
