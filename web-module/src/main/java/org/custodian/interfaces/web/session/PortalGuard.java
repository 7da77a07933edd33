package org.custodian.interfaces.web.session;

import org.custodian.interfaces.web.i18n.DisplaySettings;
import org.custodian.interfaces.web.i18n.Texts;
import jakarta.enterprise.inject.Instance;
import java.util.Locale;
import jakarta.ejb.EJB;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodian.application.audit.SequenceAfterCommit;
import org.custodian.application.auth.AuthenticationService;
import org.custodian.application.auth.TokenRevocationService;
import org.custodian.application.identity.IdentityProviderSettings;
import org.custodian.application.identity.SingleSignOnService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.Html;
import org.custodian.domain.model.user.Role;
import org.custodian.interfaces.http.ClientAddresses;

/**
 * Every portal page passes here. It lets only a fully signed-in session reach the portal (a half-finished sign-in
 * reaches only its next step), ends sessions past their idle timeout or absolute lifetime (audited), keeps the
 * admin console to its roles, asks the user store again every minute (at once when the account was disabled or its
 * roles changed), sets the security headers, and turns a form
 * whose view state is forged or expired (Faces' defence against cross-site request forgery) into a 403 that
 * changes nothing.
 */
@WebFilter(filterName = "PortalGuard", urlPatterns = {"*.xhtml", "/admin/*"})
public class PortalGuard extends HttpFilter {

    static final String LOGIN = "/login.xhtml";
    static final String SECOND_FACTOR = "/second-factor.xhtml";
    static final String ENROLL = "/enroll.xhtml";
    /** Public: the invitation link is the credential, and the page starts the session it leads to. */
    static final String INVITATION = "/invitation.xhtml";
    // public too, outside this filter's patterns: /oidc/start and /oidc/callback (SingleSignOnServlet), whose state,
    // nonce and PKCE verifier are bound to the session
    /** The user's token version when the session last asked the user store (a change there means: ask again now). */
    static final String TOKEN_VERSION = "custodian.portal.token-version";
    private static final String RESOURCES = "/jakarta.faces.resource/";
    /** Ajax requests from these components refresh what is shown; they are not the user's activity. */
    private static final String AUTO_REFRESH = "autoRefresh";
    private static final Set<Role> ADMIN_ROLES = Set.of(Role.OPERATOR, Role.PRIVACY_OFFICER, Role.AUDITOR,
            Role.USER_ADMIN);
    /**
     * Admin pages open to every signed-in user, because their service shows each caller only their own part: a
     * supervisor named as an access reviewer decides their items there (the service refuses everyone else).
     */
    private static final Set<String> OPEN_ADMIN_PAGES = Set.of("/admin/access-reviews.xhtml",
            // the master lists (#23): supervisors keep them; the page itself asks the policy for every action
            "/admin/catalog.xhtml",
            // governance SLOs (#25): supervisors see the security objectives; the service decides each remit
            "/admin/governance-slo.xhtml");

    @Inject
    ClientAddresses addresses;

    @Inject
    PortalSettings settings;

    @EJB
    AuthenticationService authentication;

    @EJB
    TokenRevocationService revocation;

    @EJB
    SingleSignOnService singleSignOn;

    @Inject
    IdentityProviderSettings idp;

    private volatile String formAction;

    @Inject
    SequenceAfterCommit afterCommit;

    @Inject
    Instance<DisplaySettings> display;

    private final Clock clock = Clock.systemUTC();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            guard(request, response, chain);
        } finally {
            // like the API: the page (or redirect) completes only once this request's audit events are chained
            afterCommit.awaitOwnEvents();
        }
    }

    private void guard(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.startsWith(RESOURCES)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getCharacterEncoding() == null) {
            // before anything reads a parameter (the auto-refresh check does): form input is UTF-8
            request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        secureHeaders(response);
        HttpSession session = request.getSession(false);
        PortalIdentity identity = session == null ? null
                : (PortalIdentity) session.getAttribute(PortalIdentity.ATTRIBUTE);
        if (identity != null) {
            String ended = expiry(session, identity);
            if (ended != null) {
                end(session, identity, UUID.randomUUID().toString(), addresses.of(request), ended);
                // the page asked for (a link, or a form with what was typed) is waiting after the sign-in
                redirect(request, response, afterEnd(request, path, identity.username(), "expired=" + ended));
                return;
            }
            if (!isAutoRefresh(request)) {
                session.setAttribute(PortalIdentity.LAST_SEEN, clock.instant());
            }
            identity = recheck(request, session, identity);
            if (identity == null) {
                redirect(request, response, LOGIN + "?expired=revoked");
                return;
            }
            if (!singleSignOnOpen(session)) {
                end(session, identity, UUID.randomUUID().toString(), addresses.of(request), "idp-logout");
                redirect(request, response, LOGIN + "?expired=idp-logout");
                return;
            }
        }
        PortalIdentity.Stage stage = identity == null ? null : identity.stage();
        if (LOGIN.equals(path)) {
            if (stage == PortalIdentity.Stage.SIGNED_IN && "GET".equals(request.getMethod())) {
                redirect(request, response, landing(identity));
                return;
            }
        } else if (INVITATION.equals(path)) {
            // open to anyone holding a link, signed in or not
        } else if (SECOND_FACTOR.equals(path) || ENROLL.equals(path)) {
            PortalIdentity.Stage wanted = SECOND_FACTOR.equals(path) ? PortalIdentity.Stage.SECOND_FACTOR
                    : PortalIdentity.Stage.ENROLLMENT;
            // the enrollment page stays open after its code was accepted, to show the recovery codes once
            boolean enrolledJustNow = ENROLL.equals(path) && stage == PortalIdentity.Stage.SIGNED_IN
                    && "POST".equals(request.getMethod());
            if (stage != wanted && !enrolledJustNow) {
                redirect(request, response, stage == PortalIdentity.Stage.SIGNED_IN ? landing(identity) : LOGIN);
                return;
            }
        } else if (stage != PortalIdentity.Stage.SIGNED_IN) {
            // a signed-out user's page is kept for after the sign-in (password or the IdP's)
            redirect(request, response, stage == null && "GET".equals(request.getMethod())
                    ? DeepLink.login(path, request.getQueryString())
                    : stage == null ? afterEnd(request, path, null, null) : LOGIN);
            return;
        } else if (path.startsWith("/admin/") && !OPEN_ADMIN_PAGES.contains(path)
                && identity.roles().stream().noneMatch(ADMIN_ROLES::contains)) {
            refuse(request, response, Texts.in(locale(), "guard.adminOnly"));
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException e) {
            if (forgedOrExpiredForm(e) && !response.isCommitted()) {
                response.reset();
                secureHeaders(response);
                // what was typed is kept for this user: the page opened again shows it filled in (never sent by itself)
                Optional<PendingForm> kept = identity == null ? Optional.empty()
                        : PendingForm.of(request, path, identity.username(), clock.instant());
                kept.ifPresent(form -> form.keepIn(request.getSession()));
                refuse(request, response, Texts.in(locale(), "guard.formRefused"),
                        kept.map(PendingForm::page).orElse(null));
                return;
            }
            throw e;
        }
    }

    /**
     * Now and then asks the user store who the user is now: a disabled user's session ends (audited), changed
     * roles or regions take effect. Returns the identity to go on with, or null when the session has ended.
     */
    private PortalIdentity recheck(HttpServletRequest request, HttpSession session, PortalIdentity identity) {
        Instant now = clock.instant();
        Instant checked = (Instant) session.getAttribute(PortalIdentity.LAST_CHECKED);
        // one indexed read per request: a disabled account (or one whose tokens were revoked) is noticed at once,
        // not after the recheck interval
        Optional<Integer> version = revocation.activeVersion(identity.username());
        Integer seen = (Integer) session.getAttribute(TOKEN_VERSION);
        boolean changed = version.isEmpty() || seen != null && !seen.equals(version.get());
        if (!changed && checked != null
                && Duration.between(checked, now).compareTo(settings.recheckInterval()) < 0) {
            return identity;
        }
        String requestId = UUID.randomUUID().toString();
        Optional<AuthenticationService.CurrentAccess> current = authentication.current(identity.username(), requestId,
                addresses.of(request));
        // gone or disabled; or given a role that needs a second factor this session never presented
        String ended = current.isEmpty() ? "revoked"
                : identity.stage() == PortalIdentity.Stage.SIGNED_IN && current.get().secondFactorNeeded()
                        && !identity.secondFactorGiven() ? "step-up" : null;
        if (ended != null) {
            end(session, identity, requestId, addresses.of(request), ended);
            return null;
        }
        PortalIdentity fresh = identity.withAccess(current.get().caller().roles(), current.get().caller().regions());
        if (!fresh.equals(identity)) {
            session.setAttribute(PortalIdentity.ATTRIBUTE, fresh);
        }
        session.setAttribute(PortalIdentity.LAST_CHECKED, now);
        session.setAttribute(TOKEN_VERSION, version.orElse(null));
        return fresh;
    }

    /**
     * A session started through the identity provider is open while its registry row is (a back-channel logout
     * ends the row, on whichever node it arrived): one read by key per request; other sessions have no row.
     */
    private boolean singleSignOnOpen(HttpSession session) {
        Object sso = session.getAttribute(PortalIdentity.SINGLE_SIGN_ON);
        return !(sso instanceof PortalIdentity.SingleSignOn started) || singleSignOn.isOpen(started.key());
    }

    /**
     * Ends a session once: the marker is set before the event is written, so a parallel request (the jobs
     * page's poll beside a click) finds it and neither records nor fails on the invalidated session.
     */
    private void end(HttpSession session, PortalIdentity identity, String requestId, String address, String why) {
        try {
            if (session.getAttribute(AbandonedSessions.RECORDED) != null) {
                return;
            }
            AbandonedSessions.endRecorded(session);
        } catch (IllegalStateException alreadyInvalidated) {
            return;
        }
        authentication.recordSignOut(new Caller(identity.username(), identity.roles(), identity.regions(), requestId,
                address), true, why);
        if (session.getAttribute(PortalIdentity.SINGLE_SIGN_ON) instanceof PortalIdentity.SingleSignOn sso
                && !"idp-logout".equals(why)) {
            singleSignOn.ended(sso.key(), why);
        }
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // the parallel request got there first
        }
    }

    /** "idle" or "lifetime" when the session has ended, else null. */
    private String expiry(HttpSession session, PortalIdentity identity) {
        Instant now = clock.instant();
        Instant lastSeen = (Instant) session.getAttribute(PortalIdentity.LAST_SEEN);
        if (lastSeen != null && Duration.between(lastSeen, now).compareTo(settings.idleTimeout()) > 0) {
            return "idle";
        }
        if (identity.stage() == PortalIdentity.Stage.SIGNED_IN
                && Duration.between(identity.signedInAt(), now).compareTo(settings.absoluteTimeout()) > 0) {
            return "lifetime";
        }
        return null;
    }

    static String landing(PortalIdentity identity) {
        return identity.roles().stream().anyMatch(ADMIN_ROLES::contains) ? "/admin/index.xhtml" : "/index.xhtml";
    }

    private static boolean isAutoRefresh(HttpServletRequest request) {
        String source = request.getParameter("jakarta.faces.source");
        return source != null && source.contains(AUTO_REFRESH);
    }

    private static boolean forgedOrExpiredForm(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ViewExpiredException || cause instanceof ProtectedViewException) {
                return true;
            }
        }
        return false;
    }

    /** A redirect that Faces' Ajax requests follow too (they ignore 302). */
    static void redirect(HttpServletRequest request, HttpServletResponse response, String target) throws IOException {
        String url = request.getContextPath() + target;
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + Html.escape(url) + "\"/></partial-response>");
            return;
        }
        response.sendRedirect(url);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String message)
            throws IOException {
        refuse(request, response, message, null);
    }

    /**
     * Where a request goes when its session has ended: to sign in, then back to its page. A form's fields are kept
     * on the server ({@link PendingForm}, in a new session of its own) so the page opens filled in after the
     * sign-in; {@code owner} is the user whose session ended (only they get it back), null when unknown.
     */
    private String afterEnd(HttpServletRequest request, String path, String owner, String why) {
        Optional<PendingForm> form = PendingForm.of(request, path, owner, clock.instant());
        form.ifPresent(kept -> {
            HttpSession fresh = request.getSession(true);
            if (fresh.isNew()) {
                // a session only to carry the form to the sign-in: it ends with the form's lifetime
                fresh.setMaxInactiveInterval((int) PendingForm.LIFETIME.toSeconds());
            }
            kept.keepIn(fresh);
        });
        String login = form.map(kept -> DeepLink.login(kept.page(), null))
                .orElseGet(() -> "GET".equals(request.getMethod()) ? DeepLink.login(path, request.getQueryString())
                        : LOGIN);
        return why == null ? login : login + (login.contains("?") ? "&" : "?") + why;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String message,
            String again) throws IOException {
        Locale locale = locale();
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter out = response.getWriter();
        String refused = Html.escape(Texts.in(locale, "common.refused"));
        out.write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\"><title>"
                + refused + " - Custodian</title></head><body><main><h1>" + refused + "</h1><p id=\"refusal\">" + Html
                .escape(message) + "</p>" + (again == null ? "" : "<p><a id=\"again\" href=\""
                + Html.escape(request.getContextPath() + again) + "\">" + Html.escape(Texts.in(locale, "guard.again"))
                + "</a></p>")
                + "<p><a href=\"" + Html.escape(request.getContextPath())
                + "/index.xhtml\">" + Html.escape(Texts.in(locale, "guard.back")) + "</a></p></main></body></html>");
    }

    /** The language of the refusal page (#23): the user's, as on every page; English if it cannot be told. */
    private Locale locale() {
        try {
            return display.get().getLocale();
        } catch (RuntimeException e) {
            return Locale.ENGLISH;
        }
    }

    /**
     * The origins a form may lead to: this one, and the identity provider's when single sign-on is on (signing out
     * posts a form whose redirect goes on to the IdP's end-session endpoint, and browsers hold redirects after a
     * form to {@code form-action} too).
     */
    private String formAction() {
        String origins = formAction;
        if (origins == null) {
            origins = "'self'" + idp.issuer().filter(issuer -> idp.portalSignIn()).map(java.net.URI::create)
                    .map(uri -> " " + uri.getScheme() + "://" + uri.getAuthority()).orElse("");
            formAction = origins;
        }
        return origins;
    }

    private void secureHeaders(HttpServletResponse response) {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        // PrimeFaces writes inline scripts and styles; nothing may load from elsewhere or frame the portal
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'"
                + " 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none';"
                + " form-action " + formAction() + "; base-uri 'self'");
    }
}
