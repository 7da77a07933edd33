package org.custodian.application.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.custodian.domain.model.access.AccessGrant;
import org.custodian.domain.model.access.AccessOverride;
import org.custodian.domain.model.access.Notification;
import org.custodian.domain.model.access.TransferRule;

/** What the access API returns. */
public final class Views {

    private Views() {
    }

    public record TransferRuleView(long id, String fromRegion, String toRegion, String basis, String reason,
            String createdBy, Instant createdAt, String revokedBy, Instant revokedAt, boolean active) {

        static TransferRuleView of(TransferRule rule) {
            return new TransferRuleView(rule.getId(), rule.getFromRegion().name(), rule.getToRegion().name(),
                    rule.getBasis().name(), rule.getReason(), rule.getCreatedBy(), rule.getCreatedAt(),
                    rule.getRevokedBy(), rule.getRevokedAt(), rule.isActive());
        }
    }

    public record GrantView(long id, String grantee, Set<String> categories, List<String> regions, Instant startsAt,
            Instant expiresAt, String reason, String grantedBy, Instant createdAt, String revokedBy,
            Instant revokedAt, String revokeReason, String state) implements java.io.Serializable {

        static GrantView of(AccessGrant grant, Instant now) {
            return new GrantView(grant.getId(), grant.getGrantee(), grant.getCategories(),
                    grant.getRegions().stream().map(Enum::name).toList(), grant.getStartsAt(), grant.getExpiresAt(),
                    grant.getReason(), grant.getGrantedBy(), grant.getCreatedAt(), grant.getRevokedBy(),
                    grant.getRevokedAt(), grant.getRevokeReason(), grant.state(now));
        }
    }

    public record OverrideView(long id, long ticketId, String username, String justification, Instant startsAt,
            Instant expiresAt, String state) implements java.io.Serializable {

        static OverrideView of(AccessOverride override, Instant now) {
            return new OverrideView(override.getId(), override.getTicketId(), override.getUsername(),
                    override.getJustification(), override.getStartsAt(), override.getExpiresAt(),
                    override.isActiveAt(now) ? "ACTIVE" : "EXPIRED");
        }
    }

    public record NotificationView(long id, String recipientRole, String topic, String resourceType,
            String resourceId, String message, Instant createdAt) {

        static NotificationView of(Notification notification) {
            return new NotificationView(notification.getId(), notification.getRecipientRole().name(),
                    notification.getTopic(), notification.getResourceType(), notification.getResourceId(),
                    notification.getMessage(), notification.getCreatedAt());
        }
    }

    /** A grant request as the client sent it; times are ISO-8601 UTC text, checked by the service. */
    public record NewGrant(String grantee, List<String> categories, List<String> regions, String startsAt,
            String expiresAt, String reason) {
    }

    public record NewTransferRule(String fromRegion, String toRegion, String basis, String reason) {
    }

    public record NewOverride(Long ticketId, String justification, Integer minutes) {
    }
}
