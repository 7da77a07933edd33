package org.custodian.application.webhook;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * The port to the wire: one HTTP POST, redirects never followed (a 3xx is an answer like any other). The target is
 * the one {@link WebhookTargets#check} passed: the connection goes to one of the addresses that were checked, never
 * to what a second look-up of the name might answer (a DNS answer that changed in between, "DNS rebinding", would
 * otherwise lead past the check); the name still goes in the {@code Host} header and, for https, in SNI and the
 * certificate check.
 */
public interface WebhookTransport {

    /** @return the HTTP status of the answer */
    int post(WebhookTargets.Checked target, Map<String, String> headers, String body, Duration timeout)
            throws IOException;
}
