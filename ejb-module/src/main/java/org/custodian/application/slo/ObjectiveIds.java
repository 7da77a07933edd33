package org.custodian.application.slo;

import java.util.List;

/** The objectives' ids, in the order they are shown; the prefix before the dot is the remit. */
final class ObjectiveIds {

    static final List<String> ALL = List.of("privacy.requests-on-time", "privacy.request-median-days",
            "privacy.erasure-days", "privacy.restriction-hours", "backup.success-rate", "backup.rpo",
            "backup.drill-rto", "backup.drill-age", "audit.checkpoint-age", "audit.verification-age", "audit.siem-lag",
            "security.first-response", "security.alerts-open", "access-review.on-time");

    private ObjectiveIds() {
    }
}
