package org.custodian.interfaces.web.session;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.application.auth.AuthenticationService;
import org.custodian.application.shared.Caller;

/**
 * A signed-in portal session the server drops because nobody came back (the browser was closed) ends in the trail
 * too, as {@code SESSION_EXPIRED abandoned}. Sessions ended by sign-out or by the guard were recorded already and
 * are marked so they are not recorded twice; sessions a server stop ends (not idle) are not an abandonment.
 */
@WebListener
public class AbandonedSessions implements HttpSessionListener {

    static final String RECORDED = "custodian.portal.end-recorded";
    private static final Logger LOG = Logger.getLogger(AbandonedSessions.class.getName());

    @EJB
    AuthenticationService authentication;

    /** Marks a session whose end is being recorded by whoever ends it. */
    static void endRecorded(HttpSession session) {
        session.setAttribute(RECORDED, Boolean.TRUE);
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        Object identity = session.getAttribute(PortalIdentity.ATTRIBUTE);
        if (!(identity instanceof PortalIdentity portalIdentity) || session.getAttribute(RECORDED) != null
                || portalIdentity.stage() != PortalIdentity.Stage.SIGNED_IN) {
            // not signed in (a half-finished sign-in is no session of the user's), or already recorded
            return;
        }
        long idleMillis = System.currentTimeMillis() - session.getLastAccessedTime();
        if (session.getMaxInactiveInterval() > 0 && idleMillis < session.getMaxInactiveInterval() * 1000L) {
            // not idle: the server is stopping or redeploying, which ends sessions without anyone leaving
            return;
        }
        try {
            authentication.recordSignOut(new Caller(portalIdentity.username(), portalIdentity.roles(),
                    portalIdentity.regions(), UUID.randomUUID().toString(), null), true, "abandoned");
        } catch (RuntimeException e) {
            // the session is gone either way; the trail misses only this event, and the log says so
            LOG.log(Level.WARNING, "could not record the end of an abandoned portal session", e);
        }
    }
}
