package org.custodian.infrastructure.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.custodian.application.webhook.WebhookTransport;

/** One POST per attempt; redirects are never followed (a redirect could lead past the SSRF check). */
@ApplicationScoped
public class HttpWebhookTransport implements WebhookTransport {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public int post(URI target, Map<String, String> headers, String body, Duration timeout) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("User-Agent", "Custodian-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            // the answer's body is not read beyond what the client buffers: nothing of it is used
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
