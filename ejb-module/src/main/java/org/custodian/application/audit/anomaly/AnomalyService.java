package org.custodian.application.audit.anomaly;

import java.time.Instant;
import java.util.List;
import org.custodian.application.shared.Caller;

/**
 * Watches the audit trail for behaviour worth a human look: bulk reads by one user, reads of personal data
 * outside the business hours of the user's region, repeated denials. A hit becomes an Alert, an audit event
 * (and so a SIEM message) and a SECURITY ticket in Custodian itself.
 */
public interface AnomalyService {

    /** Examines the events appended since the last scan; returns how many alerts it raised. */
    int scan();

    List<AlertView> alerts(Caller caller);

    record AlertView(long id, String rule, String actor, long observed, long threshold, Instant windowStart,
            Instant windowEnd, long lastSequence, String detail, Long ticketId, Instant createdAt)
                    implements java.io.Serializable {
    }
}
