package org.custodian.it;

import static org.custodian.it.Api.DEMO_PASSWORD;
import static org.custodian.it.ApiAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * Nobody can lock out someone else or flood the desk (#20): sign-in throttling by username and by source (the
 * client address from X-Forwarded-For only through a trusted proxy: the tests run with 127.0.0.1/32 trusted), the
 * bulkhead around password hashing, body limits, 401 before anything else, one SECURITY ticket per source and one
 * backup incident per set and kind.
 */
class HardeningIT extends DeployedWar {

    private static final String XFF = "X-Forwarded-For";

    @Test
    void aStrangersWrongPasswordsDoNotLockTheUserOutOfASourceTheySignedInFromBefore() throws Exception {
        Api api = viaProxy();
        String user = newUserWithDemoPassword("victim");
        String office = randomAddress("198.51.100.");
        String stranger = randomAddress("203.0.113.");
        String elsewhere = randomAddress("192.0.2.");
        assertEquals(200, login(api, user, DEMO_PASSWORD, office).status(), "the user signs in from the office");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertProblem(login(api, user, "wrong-" + attempt, stranger), 401);
        }
        Reply blocked = login(api, user, DEMO_PASSWORD, stranger);
        assertProblem(blocked, 429);
        assertTrue(blocked.header("Retry-After").isPresent(), blocked.toString());
        // the design: the username's lock holds for every source the user has not completed a sign-in from
        assertProblem(login(api, user, DEMO_PASSWORD, elsewhere), 429);
        // ... but not for the office, where the user signed in before
        Reply fromOffice = login(api, user, DEMO_PASSWORD, office);
        assertEquals(200, fromOffice.status(), "the stranger locked the user out: " + fromOffice);
        assertEquals(office, Sql.text("select client_address from audit_event where action = 'LOGIN' and actor = ?"
                + " and outcome = 'SUCCESS' order by sequence desc limit 1", user), "the trail names the real client");
    }

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxy() throws Exception {
        String claimed = randomAddress("192.0.2.");
        // through the trusted proxy (127.0.0.1): the header names the client
        String viaProxy = "xff-" + UUID.randomUUID();
        rawTokenRequest(InetAddress.getByName("127.0.0.1"), viaProxy, claimed);
        assertEquals(claimed, Sql.text("select client_address from audit_event where request_id = ?", viaProxy));
        // straight from another address (127.0.0.2, not trusted): the header is the client's own claim, ignored
        String direct = "xff-" + UUID.randomUUID();
        rawTokenRequest(InetAddress.getByName("127.0.0.2"), direct, claimed);
        assertEquals("127.0.0.2", Sql.text("select client_address from audit_event where request_id = ?", direct));
    }

    @Test
    void morePasswordChecksAtOnceThanTheBulkheadHoldsAreRefusedWith429AndRetryAfter() throws Exception {
        Api api = viaProxy();
        int parallel = 16;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                String name = "flood." + UUID.randomUUID().toString().substring(0, 8);
                String source = randomAddress("100.64.");
                replies.add(pool.submit(() -> login(api, name, "guess", source)));
            }
            int busy = 0;
            int refused = 0;
            for (Future<Reply> future : replies) {
                Reply reply = future.get();
                if (reply.status() == 429) {
                    assertProblem(reply, 429);
                    assertTrue(reply.json().getString("type").endsWith("/busy"), reply.toString());
                    assertTrue(Long.parseLong(reply.header("Retry-After").orElseThrow()) >= 1, reply.toString());
                    busy++;
                } else {
                    assertProblem(reply, 401);
                    refused++;
                }
            }
            // 2 run, 2 wait (CUSTODIAN_AUTH_HASH_CONCURRENCY and _QUEUE in the test setup); the rest are refused
            assertTrue(busy >= parallel / 2, busy + " refused as busy, " + refused + " checked");
            assertTrue(refused >= 2, refused + " checked");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBodyOverTheTokenEndpointsLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        Api api = api();
        String big = "{\"username\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"password\":\"x\"}";
        assertProblem(postHttp11(api, "api/v1/auth/token", null, HttpRequest.BodyPublishers.ofString(big)), 413);
        // chunked: no Content-Length, so the limit is counted while the body streams
        assertProblem(postHttp11(api, "api/v1/auth/token", null, HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))), 413);
        // other endpoints take more (1 MiB by default) but not without end
        String agent = Tokens.forUser("agent.eu", "AGENT", List.of("EU"));
        assertProblem(postHttp11(api, "api/v1/tickets", agent, HttpRequest.BodyPublishers.ofString(big)), 413);
    }

    /** HTTP/1.1 (no h2c upgrade), as a client that sends a large body would; ofInputStream sends it chunked. */
    private static Reply postHttp11(Api api, String path, String token, HttpRequest.BodyPublisher body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .POST(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), response);
    }

    @Test
    void withoutATokenEveryNonPublicRequestIsAnswered401First() {
        Api api = api();
        for (String method : List.of("DELETE", "PUT", "POST", "PATCH", "GET")) {
            Reply reply = api.send(method, "api/v1/tickets", null, "application/json", "{}");
            assertProblem(reply, 401);
            assertTrue(reply.header("WWW-Authenticate").orElse("").startsWith("Bearer"), reply.toString());
        }
        assertProblem(api.send("DELETE", "api/v1/customers", null, null, null), 401);
        assertProblem(api.send("GET", "api/v1/no-such-resource", null, null, null), 401);
        assertProblem(api.send("GET", "api/v1/tickets/not-a-number", null, null, null), 401);
        // a public endpoint answers what was wrong
        assertProblem(api.send("DELETE", "api/v1/auth/token", null, null, null), 405);
    }

    @Test
    void randomUsernamesFromOneSourceOpenOneSecurityTicketNotOneEach() throws Exception {
        Api api = viaProxy();
        String source = randomAddress("100.100.");
        List<String> names = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            String name = "random." + UUID.randomUUID().toString().substring(0, 8);
            names.add(name);
            for (int attempt = 0; attempt < 5; attempt++) {
                assertProblem(login(api, name, "guess", source), 401);
            }
            for (int attempt = 0; attempt < 7; attempt++) {
                assertProblem(login(api, name, "guess", source), 429);
            }
        }
        String subject = "source:" + source;
        Instant deadline = Instant.now().plusSeconds(60);
        while (Sql.longValue("select count(*) from alert where actor = ?", subject) == 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertEquals(1, Sql.longValue("select count(*) from alert where actor = ? and rule = 'REPEATED_DENIALS'",
                subject), "one alert about the source");
        long ticket = Sql.longValue("select ticket_id from alert where actor = ?", subject);
        assertEquals("SECURITY", Sql.text("select category from ticket where id = ?", ticket));
        // more refusals from the source while its ticket is open: no second alert
        for (int attempt = 0; attempt < 7; attempt++) {
            Reply again = login(api, names.get(0), "guess", source);
            assertTrue(again.status() == 401 || again.status() == 429, again.toString());
        }
        Thread.sleep(4000);
        assertEquals(1, Sql.longValue("select count(*) from alert where actor = ?", subject));
        for (String name : names) {
            assertEquals(0, Sql.longValue("select count(*) from alert where actor = ?", name),
                    "no alert (and no ticket) for the claimed username " + name);
        }
    }

    @Test
    void concurrentFailuresOfOneSetOpenOneBackupIncident() throws Exception {
        Api api = api();
        String operator = api.token("operator");
        String auditor = api.token("auditor");
        JsonObject set = Backups.backup(api, operator, "FULL", "incident test", null);
        assertEquals("COMPLETE", set.getString("status"), set.toString());
        long id = set.getJsonNumber("id").longValue();
        Path directory = Path.of(System.getProperty("custodian.it.workdir"), "backups", "primary")
                .resolve(set.getString("name"));
        Path file;
        try (Stream<Path> walk = Files.walk(directory)) {
            file = walk.filter(Files::isRegularFile).filter(path -> path.toString().endsWith(".gpg")).findFirst()
                    .orElseThrow();
        }
        byte[] original = Files.readAllBytes(file);
        byte[] flipped = original.clone();
        flipped[flipped.length / 2] ^= 0x01;
        Files.write(file, flipped);
        int parallel = 4;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Reply>> checks = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                checks.add(pool.submit(() -> api.post("api/v1/backups/" + id + "/verify", auditor, null)));
            }
            for (Future<Reply> check : checks) {
                assertEquals(200, check.get().status(), check.get().toString());
                assertFalse(check.get().json().getBoolean("ok"), check.get().toString());
            }
        } finally {
            pool.shutdownNow();
            Files.write(file, original);
        }
        String subject = "Backup verification failed: " + set.getString("name");
        assertEquals(1, Sql.longValue("select count(*) from ticket where category = 'BACKUP' and subject = ?",
                subject), "one incident ticket for the set");
        long ticket = Sql.longValue("select id from ticket where subject = ?", subject);
        assertEquals(parallel - 1, Sql.longValue("select count(*) from ticket_comment where ticket_id = ?"
                + " and body like 'Happened again%'", ticket), "the repeats are noted on it");
    }

    /** A user who signs in with the demo password (its hash copied from a demo user) and needs no second factor. */
    private static String newUserWithDemoPassword(String prefix) throws Exception {
        String username = prefix + "." + UUID.randomUUID().toString().substring(0, 8);
        long id = Sql.longValue("select nextval('app_user_seq')");
        Sql.update("insert into app_user (id, username, display_name, password_hash, enabled, created_at)"
                + " select ?, ?, 'IT user', password_hash, true, now() from app_user where username = 'agent.eu'",
                id, username);
        Sql.update("insert into app_user_role (user_id, role) values (?, 'AGENT')", id);
        Sql.update("insert into app_user_region (user_id, region) values (?, 'EU')", id);
        return username;
    }

    /** Through 127.0.0.1, the trusted proxy of the test setup: X-Forwarded-For names the source. */
    private Api viaProxy() throws Exception {
        return new Api(new URL("http", "127.0.0.1", base.getPort(), base.getPath()));
    }

    private static Reply login(Api api, String username, String password, String source) {
        return api.send("POST", "api/v1/auth/token", null, "application/json", Json.createObjectBuilder()
                .add("username", username).add("password", password).build().toString(), XFF, source);
    }

    private static String randomAddress(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder address = new StringBuilder(prefix);
        for (int octets = prefix.split("\\.").length; octets < 4; octets++) {
            address.append(random.nextInt(1, 255)).append(octets < 3 ? "." : "");
        }
        return address.toString();
    }

    /** A token request over a socket bound to a chosen local address (HttpClient cannot choose one). */
    private void rawTokenRequest(InetAddress local, String requestId, String forwardedFor) throws Exception {
        byte[] body = "{\"username\":\"nobody.xff\",\"password\":\"guess\"}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), base.getPort(), local, 0)) {
            socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost:" + base.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nX-Request-Id: "
                    + requestId + "\r\n" + XFF + ": " + forwardedFor + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
            assertTrue(status.contains(" 401 "), "a wrong password: " + status);
        }
    }
}
