package org.custodian.application.user;

import java.time.Instant;
import org.custodian.domain.model.user.RoleGrantRequest;

/** A four-eyes request as the API shows it. */
public record RoleGrantRequestView(long id, String username, String role, String status, String requestedBy,
        Instant requestedAt, String decidedBy, Instant decidedAt, String reason) implements java.io.Serializable {

    static RoleGrantRequestView of(RoleGrantRequest request) {
        return new RoleGrantRequestView(request.getId(), request.getUsername(), request.getRole().name(),
                request.getStatus().name(), request.getRequestedBy(), request.getRequestedAt(),
                request.getDecidedBy(), request.getDecidedAt(), request.getReason());
    }
}
