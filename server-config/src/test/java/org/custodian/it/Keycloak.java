package org.custodian.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Keycloak for the single-sign-on tests: the distribution the build unpacked into target/keycloak
 * ({@code custodian.it.keycloak.home}), started in its own process in development mode on free ports with the realms
 * of src/test/keycloak imported, ready once its discovery document answers. Its data directory stays in target, so a
 * second run starts warm; it is emptied whenever the realm files change (Keycloak never re-imports a realm).
 *
 * <p>Use it as a JUnit 5 extension ({@code @RegisterExtension static final Keycloak KEYCLOAK = new Keycloak();}) or
 * with {@link #start()} and {@link #close()}. It is skipped (the test aborted) with {@code -Dskip.keycloak=true}.
 */
public final class Keycloak implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    public static final String REALM = "custodian";
    public static final String OTHER_REALM = "other";
    public static final String CLIENT_ID = "custodian-portal";
    public static final String CLIENT_SECRET = "custodian-portal-test-secret";
    public static final String PASSWORD = "Keycloak-Test-1";

    /** Cold (augmentation, schema, realm import) on a busy two-core machine: minutes; warm: well under one. */
    private static final Duration READY = Duration.ofMinutes(7);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private int port;
    private Duration startTime;
    private Instant begin;
    private Path home;
    private String realmsDigest;
    private Path log;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Starts Keycloak and waits until the realms' discovery documents answer. */
    public Keycloak start() throws IOException, InterruptedException {
        return launch().awaitReady();
    }

    /**
     * Starts the process and returns at once: the port, and so {@link #issuer}, are known, so an application can be
     * configured and started alongside (then {@link #awaitReady}).
     */
    public Keycloak launch() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("custodian.it.keycloak.skip"),
                "Keycloak skipped (-Dskip.keycloak=true)");
        home = Path.of(System.getProperty("custodian.it.keycloak.home"));
        Path realms = Path.of(System.getProperty("custodian.it.keycloak.realms"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak at " + home + " (the build unpacks it in pre-integration-test)");
        }
        realmsDigest = prepareData(home, realms);
        port = freePort();
        int management = freePort();
        log = home.resolve("data/custodian-test.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--hostname=http://localhost:" + port, "--http-management-port=" + management,
                "--import-realm", "--health-enabled=true")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        // JDK 17 is enough; a small heap keeps it beside the application server on a small machine
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx1g");
        begin = Instant.now();
        startTime = null;
        process = builder.start();
        return this;
    }

    /** Waits until the realms' discovery documents answer (Keycloak says "started" well before). */
    public Keycloak awaitReady() throws InterruptedException {
        if (startTime != null) {
            return this; // shared by several tests: ready once is ready
        }
        Instant deadline = begin.plus(READY);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak ended with " + process.exitValue() + ": " + tail());
            }
            if (discoveryAnswers(REALM) && discoveryAnswers(OTHER_REALM)) {
                startTime = Duration.between(begin, Instant.now());
                // only a start that got this far has the realms imported: a killed first start is redone
                try {
                    Files.writeString(marker(home), realmsDigest);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                System.out.println("Keycloak ready in " + startTime.toMillis() + " ms on port " + port);
                return this;
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak not ready after " + READY + ": " + tail());
    }

    /** The issuer of a realm, exactly as its tokens name it. */
    public String issuer(String realm) {
        return "http://localhost:" + port + "/realms/" + realm;
    }

    public int port() {
        return port;
    }

    /** How long the last start took until the discovery documents answered. */
    public Duration startTime() {
        return startTime;
    }

    /** An access token by the resource-owner password grant of {@code custodian-portal} (tests only). */
    public String accessToken(String realm, String username) throws IOException, InterruptedException {
        JsonObject answer = token(realm, Map.of("grant_type", "password", "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "username", username, "password", PASSWORD, "scope", "openid"));
        return answer.getString("access_token");
    }

    /** The token endpoint's answer to any form (another client, another grant). */
    public JsonObject token(String realm, Map<String, String> form) throws IOException, InterruptedException {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer(realm)
                + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak's token endpoint answered " + response.statusCode() + ": "
                    + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private boolean discoveryAnswers(String realm) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(issuer(realm) + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path marker(Path home) {
        return home.resolve("data/custodian-realms.sha256");
    }

    /** The realm files to data/import; the database emptied when they differ from those it was made from. */
    private static String prepareData(Path home, Path realms) throws IOException {
        Path data = home.resolve("data");
        Path imports = Files.createDirectories(data.resolve("import"));
        List<Path> files;
        try (Stream<Path> listed = Files.list(realms)) {
            files = listed.filter(file -> file.toString().endsWith("-realm.json")).sorted().toList();
        }
        StringBuilder all = new StringBuilder();
        for (Path file : files) {
            all.append(file.getFileName()).append('\n').append(Files.readString(file));
        }
        String digest = sha256(all.toString());
        Path marker = marker(home);
        if (!Files.exists(marker) || !Files.readString(marker).equals(digest)) {
            deleteTree(data.resolve("h2"));
            try (Stream<Path> old = Files.list(imports)) {
                for (Path stale : old.toList()) {
                    Files.delete(stale);
                }
            }
            for (Path file : files) {
                Files.copy(file, imports.resolve(file.getFileName()));
            }
            Files.deleteIfExists(marker);
        }
        return digest;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(paths::add);
        }
        for (int i = paths.size() - 1; i >= 0; i--) {
            Files.delete(paths.get(i));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
