package org.custodian.interfaces.web.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a user typed into a form that arrived after their session had ended: kept on the server only (in the new
 * session, never in the browser or the URL), for a short time, bound to that user, so that after signing in again
 * the same page opens with the form filled in as it was sent. It is not replayed: the user sees the page as it is
 * now and sends it again themselves, so a sign-in never carries out an action by itself.
 *
 * @param owner  the user whose session ended; null when the container had already dropped that session (then it
 *               belongs to whoever signs in next in this browser session)
 * @param page   the page to return to, with its view parameters (e.g. {@code /ticket.xhtml?id=7})
 * @param values the form's fields by client id, without the view state
 */
record PendingForm(String owner, String page, Map<String, String[]> values, Instant keptAt) implements Serializable {

    static final String ATTRIBUTE = "custodian.portal.pending-form";
    /** Long enough to sign in again (with a second factor), short enough not to linger. */
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_FIELDS = 64;
    private static final int MAX_CHARS = 200_000;

    /** A Faces form post carries its view state; a plain link does not. */
    static boolean isFormPost(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getParameter("jakarta.faces.ViewState") != null;
    }

    /** The form of this request, when it is a Faces form post of a portal page worth returning to. */
    static Optional<PendingForm> of(HttpServletRequest request, String path, String owner, Instant now) {
        if (!isFormPost(request)) {
            return Optional.empty();
        }
        String id = request.getParameter("id");
        String page = request.getQueryString() != null ? path + "?" + request.getQueryString()
                : id != null && id.matches("[0-9]{1,18}") ? path + "?id=" + id : path;
        if (DeepLink.safe(page).isEmpty()) {
            return Optional.empty();
        }
        Map<String, String[]> values = new LinkedHashMap<>();
        int chars = 0;
        for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
            String name = field.getKey();
            // only the form's own inputs (client ids "form:field"); never the view state or other Faces keys
            if (!name.contains(":") || name.startsWith("jakarta.faces.") || values.size() == MAX_FIELDS) {
                continue;
            }
            for (String value : field.getValue()) {
                chars += value.length();
            }
            if (chars > MAX_CHARS) {
                break;
            }
            values.put(name, field.getValue().clone());
        }
        return Optional.of(new PendingForm(owner, page, values, now));
    }

    void keepIn(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }

    /** The form kept for this user and this page (taken out of the session), if it is still fresh. */
    static Optional<PendingForm> take(HttpSession session, String username, String viewId, Instant now) {
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof PendingForm kept)) {
            return Optional.empty();
        }
        String keptPath = kept.page().contains("?") ? kept.page().substring(0, kept.page().indexOf('?')) : kept.page();
        if (!keptPath.equals(viewId)) {
            // another page first (e.g. the landing page on the way): stays kept until its page or its end
            if (now.isAfter(kept.keptAt().plus(LIFETIME))) {
                session.removeAttribute(ATTRIBUTE);
            }
            return Optional.empty();
        }
        session.removeAttribute(ATTRIBUTE);
        boolean hers = kept.owner() == null || kept.owner().equals(username);
        return hers && !now.isAfter(kept.keptAt().plus(LIFETIME)) ? Optional.of(kept) : Optional.empty();
    }
}
