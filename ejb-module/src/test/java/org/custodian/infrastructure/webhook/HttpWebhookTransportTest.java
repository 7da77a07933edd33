package org.custodian.infrastructure.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.custodian.application.webhook.WebhookTargets;
import org.junit.jupiter.api.Test;

/**
 * The webhook POST goes to the address the SSRF check passed, not to a second look-up of the name: the target's
 * name here ({@code .invalid}, RFC 2606) resolves nowhere, so the request can only arrive through the pinned
 * address, and it arrives with the name in {@code Host}.
 */
class HttpWebhookTransportTest {

    @Test
    void postsToThePinnedAddressWithTheNameInTheHostHeader() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicReference<String> seen = new AtomicReference<>();
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " host="
                    + exchange.getRequestHeaders().getFirst("Host") + " id="
                    + exchange.getRequestHeaders().getFirst("webhook-id") + " body=" + body);
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        receiver.start();
        try {
            int port = receiver.getAddress().getPort();
            URI uri = URI.create("http://hooks.invalid:" + port + "/in/ticket?v=1");
            // a checked address that refuses (the receiver listens on 127.0.0.1 only): the next checked one is tried
            InetAddress refused = InetAddress.getByName("127.0.0.2");
            WebhookTargets.Checked target = new WebhookTargets.Checked(uri, List.of(InetAddress.getLoopbackAddress()));
            int status = new HttpWebhookTransport().post(target, Map.of("webhook-id", "msg_1", "Content-Type",
                    "application/json"), "{\"a\":\"ü\"}", Duration.ofSeconds(10));
            assertEquals(202, status);
            assertEquals("POST /in/ticket?v=1 host=hooks.invalid:" + port + " id=msg_1 body={\"a\":\"ü\"}", seen.get());
            assertEquals(202, new HttpWebhookTransport().post(new WebhookTargets.Checked(uri, List.of(refused,
                    InetAddress.getLoopbackAddress())), Map.of(), "{}", Duration.ofSeconds(10)));
        } finally {
            receiver.stop(0);
        }
    }
}
