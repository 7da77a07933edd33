package org.custodian.interfaces.web.session;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.custodian.application.audit.SequenceAfterCommit;
import org.custodian.application.auth.SecondFactorStep;
import org.custodian.application.identity.AuthorizationCodeFlow;
import org.custodian.application.identity.IdentityProviderSettings;
import org.custodian.application.identity.IdentityProviderUnavailableException;
import org.custodian.application.identity.SingleSignOnService;
import org.custodian.application.identity.TokenRejectedException;
import org.custodian.application.shared.AccessDeniedException;
import org.custodian.interfaces.http.ClientAddresses;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Sign in with ...": {@code /oidc/start} sends the browser to the identity provider (Authorization Code flow with
 * PKCE; state, nonce and verifier kept in this HTTP session, used once), {@code /oidc/callback} takes the answer,
 * has the code exchanged and the ID token verified, and starts the portal session as a password sign-in does: a new
 * session id, the same second-factor steps (unless the IdP showed one), the page the user wanted afterwards. Any
 * failure lands on the login page with a message, never a stack trace.
 */
@WebServlet(name = "SingleSignOnServlet", urlPatterns = {SingleSignOnServlet.START, SingleSignOnServlet.CALLBACK})
public class SingleSignOnServlet extends HttpServlet {

    static final String START = "/oidc/start";
    static final String CALLBACK = "/oidc/callback";
    static final String PENDING = "custodian.portal.oidc-pending";
    /** The reason a sign-in through the IdP was refused here, shown once on the login page. */
    static final String REFUSAL = "custodian.portal.oidc-refusal";
    /** How long the IdP may take to send the user back (typing a password, a second factor there). */
    static final Duration PENDING_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");

    @Inject
    IdentityProviderSettings idp;

    @Inject
    AuthorizationCodeFlow flow;

    @EJB
    SingleSignOnService singleSignOn;

    @Inject
    PortalSettings settings;

    @Inject
    ClientAddresses addresses;

    @Inject
    SequenceAfterCommit afterCommit;

    @Inject
    @ConfigProperty(name = "custodian.public-url")
    Optional<String> publicUrl;

    private final Clock clock = Clock.systemUTC();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (!idp.portalSignIn()) {
            back(request, response, "off");
            return;
        }
        try {
            if (START.equals(request.getServletPath())) {
                start(request, response);
            } else {
                callback(request, response);
            }
        } finally {
            afterCommit.awaitOwnEvents();
        }
    }

    private void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuthorizationCodeFlow.Pending pending = flow.begin(base(request) + CALLBACK,
                DeepLink.safe(request.getParameter(DeepLink.PARAMETER)).orElse(null));
        String target;
        try {
            target = flow.authorizationUrl(pending).toString();
        } catch (IdentityProviderUnavailableException e) {
            back(request, response, "unavailable");
            return;
        }
        // one sign-in at a time per browser: a second tab's start replaces the first one's state
        request.getSession(true).setAttribute(PENDING, pending);
        response.sendRedirect(target);
    }

    private void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        AuthorizationCodeFlow.Pending pending = session == null ? null
                : (AuthorizationCodeFlow.Pending) session.getAttribute(PENDING);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
        String state = request.getParameter("state");
        if (pending == null || state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                pending.state().getBytes(StandardCharsets.UTF_8))
                || clock.millis() - pending.startedAtMillis() > PENDING_TIMEOUT.toMillis()) {
            back(request, response, "state");
            return;
        }
        String error = request.getParameter("error");
        if (error != null) {
            back(request, response, ERROR_CODE.matcher(error).matches() ? error : "error");
            return;
        }
        String code = request.getParameter("code");
        if (code == null || code.isBlank() || code.length() > 4096) {
            back(request, response, "error");
            return;
        }
        String requestId = UUID.randomUUID().toString();
        AuthorizationCodeFlow.Result result;
        SingleSignOnService.SignedIn signedIn;
        try {
            result = flow.finish(pending, code);
            signedIn = singleSignOn.signIn(result, requestId, addresses.of(request));
        } catch (IdentityProviderUnavailableException e) {
            back(request, response, "unavailable");
            return;
        } catch (TokenRejectedException | AccessDeniedException e) {
            session.setAttribute(REFUSAL, e.getMessage());
            back(request, response, "refused");
            return;
        } catch (EJBException | IllegalStateException e) {
            log("sign-in through the identity provider failed", e);
            back(request, response, "failed");
            return;
        }
        String landing = SignInBean.startSession(request, signedIn.checked(), settings, clock.instant(),
                result.identity().mfa());
        HttpSession started = request.getSession(false);
        started.setAttribute(PortalIdentity.SINGLE_SIGN_ON, new PortalIdentity.SingleSignOn(signedIn.sessionKey(),
                result.idToken()));
        response.sendRedirect(request.getContextPath()
                + SignInBean.afterSignIn(started, signedIn.checked().next() == SecondFactorStep.NONE, landing,
                        pending.next()));
    }

    /** Back to the login page with a short reason code the page turns into a message. */
    private static void back(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException {
        response.sendRedirect(request.getContextPath() + PortalGuard.LOGIN + "?sso=" + reason);
    }

    /** This portal's own address: {@code custodian.public-url} behind a proxy, else the request's. */
    String base(HttpServletRequest request) {
        return base(request, publicUrl);
    }

    static String base(HttpServletRequest request, Optional<String> publicUrl) {
        return publicUrl.map(url -> url.replaceAll("/+$", "")).orElseGet(() -> {
            String scheme = request.getScheme();
            int port = request.getServerPort();
            boolean usual = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
            return scheme + "://" + request.getServerName() + (usual ? "" : ":" + port) + request.getContextPath();
        });
    }
}
