package org.custodian.application.webhook;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** The port to the wire: one HTTP POST, redirects never followed (a 3xx is an answer like any other). */
public interface WebhookTransport {

    /** @return the HTTP status of the answer */
    int post(URI target, Map<String, String> headers, String body, Duration timeout) throws IOException;
}
