package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.custodian.it.PolicyFixtures.customer;
import static org.custodian.it.PolicyFixtures.suffix;
import static org.custodian.it.PolicyFixtures.ticket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * Webhooks (#24), black-box over HTTP against a receiver in this JVM on loopback (allowed by the IT server's
 * custodian.webhook.allowed-targets=127.0.0.1/32; backoff 1-2 s, 8 attempts, a 2 s timeout): the receiver is down,
 * then slow (answers after the timeout), then up. Every event arrives at least once, a retry carries the same
 * webhook-id, signatures verify, events of one ticket arrive in order, payloads are masked as the key's GET is,
 * a redirect is a failure (never followed) that ends in the dead-letter list, and a replay delivers it.
 */
class WebhookIT extends DeployedWar {

    /** One request the receiver took. */
    record Received(String path, String id, String timestamp, String signature, String body, Instant at) {

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        String type() {
            return json().getString("type");
        }

        /** ticket:<id> or customer:<id>. */
        String resource() {
            JsonObject data = json().getJsonObject("data");
            if (type().startsWith("customer.")) {
                return "customer:" + data.getJsonNumber("id").longValue();
            }
            JsonObject ticket = data.containsKey("ticket") ? data.getJsonObject("ticket") : data;
            return "ticket:" + ticket.getJsonNumber("id").longValue();
        }
    }

    @Test
    void eventsArriveSignedInOrderMaskedAndRetriedUntilDeliveredOrDeadLettered() throws Exception {
        Api api = api();
        String operator = Tokens.forUser("operator", "OPERATOR", List.of());
        String agentEu = api.token("agent.eu");
        String agentUs = api.token("agent.us");
        String marker = "hook" + suffix();

        // an integration's account: webhooks plus the read scopes its payloads need, EU only
        String account = "hooks-" + suffix();
        Reply created = api.post("api/v1/service-accounts", operator, "{\"name\":\"" + account + "\",\"scopes\":"
                + "[\"webhooks\",\"tickets:read\",\"customers:read\"],\"regions\":[\"EU\"]}");
        assertEquals(201, created.status(), created.toString());
        String key = api.post("api/v1/service-accounts/" + account + "/keys", operator, "{}").json()
                .getString("key");

        // SSRF: private, loopback (not the allowed address), link-local/metadata and their disguises are refused
        for (String target : List.of("http://127.0.0.2:9/in", "https://10.1.2.3/in", "https://192.168.1.1/",
                "https://169.254.169.254/latest/meta-data/", "https://[::ffff:127.0.0.2]/", "https://0x7f000002/",
                "https://[fd00::1]/", "https://100.64.0.1/", "https://127.2/")) {
            Reply refused = api.post("api/v1/webhooks", key, "{\"url\":\"" + target
                    + "\",\"events\":[\"ticket.created\"]}");
            assertViolation(refused, "url");
            assertEquals(422, refused.status(), refused.toString());
        }
        assertViolation(api.post("api/v1/webhooks", key, "{\"url\":\"https://hooks.invalid/\",\"events\":"
                + "[\"ticket.deleted\"]}"), "events");
        // a person's token never manages webhooks, not even an agent's (the role the scope acts as)
        assertProblem(api.post("api/v1/webhooks", agentEu, "{\"url\":\"http://127.0.0.1:9/\",\"events\":"
                + "[\"ticket.created\"]}"), 403);

        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        Reply main = api.post("api/v1/webhooks", key, "{\"url\":\"" + base + "/in\",\"events\":[\"ticket.created\","
                + "\"ticket.updated\",\"ticket.commented\",\"customer.created\",\"customer.updated\"],"
                + "\"filter\":{\"regions\":[\"EU\"]}}");
        assertEquals(201, main.status(), main.toString());
        String secret = main.json().getString("secret");
        assertTrue(secret.startsWith("whsec_"), secret);
        long hook = main.json().getJsonNumber("id").longValue();
        Reply shown = api.get("api/v1/webhooks/" + hook, key);
        assertEquals(200, shown.status(), shown.toString());
        assertFalse(shown.body().contains(secret.substring(6)), "the secret is shown once: " + shown);
        Reply redirected = api.post("api/v1/webhooks", key, "{\"url\":\"" + base + "/moved\",\"events\":"
                + "[\"customer.updated\"]}");
        assertEquals(201, redirected.status(), redirected.toString());
        long movedHook = redirected.json().getJsonNumber("id").longValue();
        String movedSecret = redirected.json().getString("secret");

        // changes while the receiver is down (nothing listens on the port)
        long customer = customer(api, agentEu, "EU");
        long first = ticket(api, agentEu, customer, "Webhook " + marker, "Mail me: " + marker + "@example.com",
                "HARDWARE");
        assertEquals(200, api.patch("api/v1/tickets/" + first, agentEu, "{\"priority\":\"HIGH\"}").status());
        assertEquals(200, api.patch("api/v1/tickets/" + first, agentEu, "{\"subject\":\"Webhook " + marker
                + " again\"}").status());
        assertEquals(201, api.post("api/v1/tickets/" + first + "/comments", agentEu, "{\"body\":\"Checked the"
                + " printer\"}").status());
        long second = ticket(api, agentEu, customer, "Second " + marker, "Nothing personal", "HARDWARE");
        assertEquals(200, api.patch("api/v1/tickets/" + second, agentEu, "{\"priority\":\"LOW\"}").status());
        String newEmail = "moved." + marker + "@example.com";
        Reply patched = api.patch("api/v1/customers/" + customer, agentEu, "{\"email\":\"" + newEmail + "\"}");
        assertEquals(200, patched.status(), patched.toString());
        long usCustomer = customer(api, agentUs, "US");
        long usTicket = ticket(api, agentUs, usCustomer, "US " + marker, "Not for EU", "HARDWARE");

        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger slowLeft = new AtomicInteger(1);
        AtomicBoolean movedHealed = new AtomicBoolean(false);
        Thread.sleep(3000); // down: the first attempts find nobody listening
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), Instant.now()));
            if (path.equals("/moved") && !movedHealed.get()) {
                exchange.getResponseHeaders().add("Location", base + "/in");
                answer(exchange, 302);
            } else if (path.equals("/in") && slowLeft.getAndDecrement() > 0) {
                sleep(3500); // slow: past the server's 2 s timeout, so the server tries again
                answer(exchange, 200);
            } else {
                answer(exchange, 200);
            }
        });
        receiver.start();
        try {
            Set<String> expected = Set.of("ticket.created@ticket:" + first, "ticket.updated@ticket:" + first,
                    "ticket.commented@ticket:" + first, "ticket.created@ticket:" + second,
                    "ticket.updated@ticket:" + second, "customer.created@customer:" + customer,
                    "customer.updated@customer:" + customer);
            await(() -> kinds(received, "/in").containsAll(expected) && countOf(received, "/in", "ticket:" + first,
                    "ticket.updated") >= 2, 60, () -> "events at /in: " + kinds(received, "/in"));
            List<Received> in = received.stream().filter(each -> each.path().equals("/in")).toList();

            // signatures verify (computed here); the US ticket never came (account regions, filter)
            for (Received each : received) {
                assertEquals(sign(each.path().equals("/moved") ? movedSecret : secret, each), each.signature(),
                        "signature of " + each.id());
            }
            assertFalse(in.stream().anyMatch(each -> each.resource().equals("ticket:" + usTicket)));
            assertFalse(in.stream().anyMatch(each -> each.resource().equals("customer:" + usCustomer)));
            // customer.created (#24) comes before the same customer's update
            Instant createdAt = in.stream().filter(each -> each.type().equals("customer.created")
                    && each.resource().equals("customer:" + customer)).map(Received::at).max(Instant::compareTo)
                    .orElseThrow();
            assertFalse(in.stream().filter(each -> each.type().equals("customer.updated")).map(Received::at)
                    .min(Instant::compareTo).orElseThrow().isBefore(createdAt), "customer.created before its update");

            // at least once: the slow answer came too late, so that event came again with the same webhook-id
            List<String> ids = in.stream().map(Received::id).toList();
            assertTrue(ids.size() > new LinkedHashSet<>(ids).size(), "a retry repeats its webhook-id: " + ids);

            // in order per ticket: an event's first arrival comes after every arrival of the events before it
            List<String> firstOrder = new ArrayList<>();
            for (Received each : in) {
                if (each.resource().equals("ticket:" + first) && !firstOrder.contains(each.id())) {
                    firstOrder.add(each.id());
                }
            }
            assertEquals(List.of("ticket.created", "ticket.updated", "ticket.updated", "ticket.commented"),
                    firstOrder.stream().map(id -> typeOf(in, id)).toList());
            for (int i = 1; i < firstOrder.size(); i++) {
                Instant lastOfEarlier = lastArrival(in, firstOrder.get(i - 1));
                String later = firstOrder.get(i);
                Instant firstOfLater = in.stream().filter(each -> each.id().equals(later))
                        .map(Received::at).min(Instant::compareTo).orElseThrow();
                assertFalse(firstOfLater.isBefore(lastOfEarlier), "order of " + firstOrder);
            }

            // masked as the key's own GET shows it: the description's e-mail address is not in any payload
            String maskedDescription = api.get("api/v1/tickets/" + first, key).json().getString("description");
            assertFalse(maskedDescription.contains(marker + "@example.com"), maskedDescription);
            Received createdEvent = in.stream().filter(each -> each.type().equals("ticket.created")
                    && each.resource().equals("ticket:" + first)).findFirst().orElseThrow();
            assertEquals(maskedDescription, createdEvent.json().getJsonObject("data").getString("description"));
            for (Received each : in) {
                assertFalse(each.body().contains(marker + "@example.com"), each.body());
                assertFalse(each.body().contains(newEmail), "customer e-mail masked: " + each.body());
            }

            // the redirect was never followed (nothing of that webhook reached /in) and ends as a dead letter
            await(() -> api.get("api/v1/webhooks/" + movedHook + "/dead-letters", key).array().size() == 1, 60,
                    () -> "dead letters: " + api.get("api/v1/webhooks/" + movedHook + "/dead-letters", key));
            JsonObject dead = api.get("api/v1/webhooks/" + movedHook + "/dead-letters", key).array()
                    .getJsonObject(0);
            assertEquals(302, dead.getInt("lastStatus"), dead.toString());
            assertEquals("customer.updated", dead.getString("type"));
            String deadId = dead.getString("webhookId");
            assertFalse(in.stream().anyMatch(each -> each.id().equals(deadId)), "redirect followed");
            assertTrue(received.stream().filter(each -> each.id().equals(deadId)).count() >= 2, "retried");
            assertEquals(0, api.get("api/v1/webhooks/" + hook + "/dead-letters", key).array().size());

            // replay: the same webhook-id arrives once the receiver answers
            movedHealed.set(true);
            Reply replayed = api.post("api/v1/webhooks/" + movedHook + "/dead-letters/" + dead.getJsonNumber("id")
                    + "/replay", key, null);
            assertEquals(200, replayed.status(), replayed.toString());
            await(() -> api.get("api/v1/webhooks/" + movedHook + "/dead-letters", key).array().isEmpty(), 30,
                    () -> "replay not delivered");
            assertProblem(api.post("api/v1/webhooks/" + movedHook + "/dead-letters/" + dead.getJsonNumber("id")
                    + "/replay", key, null), 409);

            // pause and delete; another account never sees this one's webhooks
            Reply paused = api.patch("api/v1/webhooks/" + hook, key, "{\"state\":\"PAUSED\"}");
            assertEquals("PAUSED", paused.json().getString("state"), paused.toString());
            assertEquals(204, api.send("DELETE", "api/v1/webhooks/" + movedHook, key, null, null).status());
            assertProblem(api.get("api/v1/webhooks/" + movedHook, key), 404);
            assertEquals(1, api.get("api/v1/webhooks", key).array().size());
        } finally {
            receiver.stop(0);
        }
    }

    private static Set<String> kinds(List<Received> received, String path) {
        Set<String> kinds = new LinkedHashSet<>();
        received.stream().filter(each -> each.path().equals(path))
                .forEach(each -> kinds.add(each.type() + "@" + each.resource()));
        return kinds;
    }

    private static long countOf(List<Received> received, String path, String resource, String type) {
        return received.stream().filter(each -> each.path().equals(path) && each.resource().equals(resource)
                && each.type().equals(type)).map(Received::id).distinct().count();
    }

    private static String typeOf(List<Received> in, String id) {
        return in.stream().filter(each -> each.id().equals(id)).findFirst().orElseThrow().type();
    }

    private static Instant lastArrival(List<Received> in, String id) {
        return in.stream().filter(each -> each.id().equals(id)).map(Received::at).max(Instant::compareTo)
                .orElseThrow();
    }

    /** Standard Webhooks: v1, base64(HMAC-SHA256(key, id.timestamp.body)), the key the base64 after whsec_. */
    private static String sign(String secret, Received each) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((each.id() + "." + each.timestamp() + "."
                + each.body()).getBytes(StandardCharsets.UTF_8)));
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException e) {
            // the server gave up waiting (the slow phase): nothing to answer
        } finally {
            exchange.close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(BooleanSupplier condition, int seconds, java.util.function.Supplier<String> what)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + seconds + " s: " + what.get());
            }
            Thread.sleep(250);
        }
    }
}
