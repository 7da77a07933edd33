package org.custodian.application.slo;

import java.util.Locale;
import java.util.Optional;
import org.custodian.application.policy.Permission;

/** Whose obligation an objective is; the policy decides who sees which remit (one permission each). */
public enum SloRemit {
    PRIVACY(Permission.SLO_PRIVACY_READ),
    BACKUP(Permission.SLO_BACKUP_READ),
    AUDIT(Permission.SLO_AUDIT_READ),
    SECURITY(Permission.SLO_SECURITY_READ),
    ACCESS_REVIEW(Permission.SLO_ACCESS_REVIEW_READ);

    private final Permission permission;

    SloRemit(Permission permission) {
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }

    /** privacy, backup, audit, security, access-review (any case, - or _). */
    public static Optional<SloRemit> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (SloRemit remit : values()) {
            if (remit.name().equals(wanted)) {
                return Optional.of(remit);
            }
        }
        return Optional.empty();
    }

    /** The name in the API (lower case, with a hyphen). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
