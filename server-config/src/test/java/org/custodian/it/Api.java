package org.custodian.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** A plain HTTP client for the API, as an integrator would use it (public: the server suites use it too). */
public final class Api {

    public static final String DEMO_PASSWORD = "Custodian-Demo-1";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    public Api(URL base) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
    }

    URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public Reply send(String method, String path, String token, String contentType, String body, String... headers) {
        return sendBytes(method, path, token, contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    Reply sendBytes(String method, String path, String token, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Reply post(String path, String token, String json) {
        return send("POST", path, token, "application/json", json);
    }

    Reply patch(String path, String token, String json) {
        return send("PATCH", path, token, "application/merge-patch+json", json);
    }

    public Reply login(String username, String password) {
        return post("api/v1/auth/token", null,
                Json.createObjectBuilder().add("username", username).add("password", password).build().toString());
    }

    public String token(String username) {
        Reply reply = login(username, DEMO_PASSWORD);
        if (reply.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + reply);
        }
        return reply.json().getString("access_token");
    }

    /** Polls a job execution until it reaches any terminal status (never only COMPLETED), at most two minutes. */
    public JsonObject awaitJob(String token, long executionId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            Reply reply = get("api/v1/jobs/executions/" + executionId, token);
            if (reply.status() != 200) {
                throw new IllegalStateException("reading execution " + executionId + ": " + reply);
            }
            JsonObject execution = reply.json();
            if (Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(execution.getString("status"))) {
                return execution;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("job did not end in time: " + execution);
            }
            Thread.sleep(250);
        }
    }

    /** The data of one check of /health (Payara gives every value as text). */
    public JsonObject health(String check) {
        for (JsonValue each : get("health", null).json().getJsonArray("checks")) {
            if (each.asJsonObject().getString("name").equals(check)) {
                return each.asJsonObject().getJsonObject("data");
            }
        }
        throw new AssertionError("no " + check + " health check");
    }

    public record Reply(int status, String contentType, String body, HttpResponse<String> raw) {

        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public JsonArray array() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
