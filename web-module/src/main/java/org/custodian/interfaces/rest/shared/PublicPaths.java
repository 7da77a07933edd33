package org.custodian.interfaces.rest.shared;

import java.util.List;

/**
 * The paths (under /api/v1) of the resources marked {@link PublicEndpoint}. A request that matches no resource
 * method never meets {@link BearerTokenFilter}; without a token it is answered 401 unless it is under one of these
 * (then it gets the 404 or 405 it earned). Keep in step with the {@code @Path} of every public class or method.
 */
final class PublicPaths {

    static final List<String> PATHS = List.of("auth/token", "auth/jwks", "privacy/packages",
            "invitations/accept", "auth/oidc/backchannel-logout");

    private PublicPaths() {
    }

    static boolean isPublic(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return PATHS.stream().anyMatch(prefix -> relative.equals(prefix) || relative.startsWith(prefix + "/"));
    }
}
