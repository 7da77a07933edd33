package org.custodian.interfaces.web.session;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The portal page a signed-out user asked for, carried through the sign-in (as {@code next} on the login page, in
 * the session during the IdP's code flow) and opened afterwards. Only a path of this portal is ever followed: never
 * another site ({@code //host}, a scheme, a backslash), never a sign-in step, nothing with control characters.
 */
final class DeepLink {

    static final String PARAMETER = "next";
    /** A deep link kept in the session while a second-factor step comes first. */
    static final String ATTRIBUTE = "custodian.portal.next";
    static final int MAX_LENGTH = 2000;
    private static final Set<String> STEPS = Set.of(PortalGuard.LOGIN, PortalGuard.SECOND_FACTOR, PortalGuard.ENROLL,
            PortalGuard.INVITATION);

    private DeepLink() {
    }

    /** The link if it is a page of this portal (relative to the context path), else empty. */
    static Optional<String> safe(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH || !next.startsWith("/")
                || next.startsWith("//") || next.contains("\\") || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        int query = next.indexOf('?');
        String path = query < 0 ? next : next.substring(0, query);
        if (path.contains("/../") || path.contains("/./") || path.contains("%") || STEPS.contains(path)
                || !(path.endsWith(".xhtml") || path.startsWith("/admin/"))) {
            return Optional.empty();
        }
        return Optional.of(next);
    }

    /** The login page, with the page to return to when there is one worth returning to. */
    static String login(String path, String query) {
        String next = query == null ? path : path + "?" + query;
        return safe(next).filter(link -> !"/index.xhtml".equals(link))
                .map(link -> PortalGuard.LOGIN + "?" + PARAMETER + "=" + URLEncoder.encode(link, StandardCharsets.UTF_8))
                .orElse(PortalGuard.LOGIN);
    }
}
