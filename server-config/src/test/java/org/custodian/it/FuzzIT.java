package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;

/**
 * Bad input never gives a 500 (#20): every write endpoint the running application documents at /openapi (so new
 * ones are covered without touching this test) gets NUL, lone surrogates (raw bytes and JSON escapes), CR/LF, a
 * 1 MB string, 1000-deep nesting, wrong types, an empty body, invalid JSON and a wrong content type, with a valid
 * token of one of several roles, and its path parameters filled with junk. No answer may be a 5xx, and every 4xx
 * must be problem+json.
 *
 * <p>The objects carry many field names at once, so no endpoint takes them as a valid command (nothing is
 * changed); the only single-field objects carry values the plain-text rule refuses everywhere (NUL, a lone
 * surrogate). Existing ids are never used in paths: a DELETE must not remove another test's data.
 */
class FuzzIT extends DeployedWar {

    private static final List<String> WRITE_METHODS = List.of("post", "put", "patch", "delete");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]+}");
    private static final List<String> FIELDS = List.of("subject", "description", "name", "reason", "text", "body",
            "username", "password", "type", "region", "externalId", "status", "priority", "role");
    private static final String NUL = "a\u0000b";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void noWriteEndpointAnswersBadInputWithA5xxAndEvery4xxIsAProblem() throws Exception {
        Api api = api();
        List<String> tokens = List.of(api.token("agent.eu"), api.token("supervisor"), api.token("operator"),
                api.token("privacy"), api.token("auditor"));
        List<String[]> endpoints = new ArrayList<>(writeEndpoints(api));
        // signing out everywhere revokes the very tokens the fuzzing uses: last, so every other endpoint meets a
        // valid token
        endpoints.sort(Comparator.comparing(endpoint -> endpoint[1].endsWith("sign-out-everywhere")));
        assertTrue(endpoints.size() >= 20, "the API documents its write endpoints: " + endpoints.size());
        List<Payload> payloads = payloads();
        List<String> junkSegments = List.of("%00", "%ED%A0%80", "%0D%0A", "abc", "-1", "1e309", "%F0%9F%98%80",
                "x".repeat(2000), "99999999999999999999999");
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (String[] endpoint : endpoints) {
            String method = endpoint[0];
            String template = endpoint[1];
            if (template.endsWith("sign-out-everywhere")) {
                // up to here every request carried a valid token: a 401 would mean the input never reached the
                // endpoint it was meant for
                assertEquals(null, statuses.get(401), "401s before any token was revoked: " + statuses);
            }
            String path = PATH_PARAMETER.matcher(template).replaceAll("987654321");
            for (int i = 0; i < payloads.size(); i++) {
                Payload payload = payloads.get(i);
                sent++;
                send(method, path, tokens.get(sent % tokens.size()), payload.contentType(), payload.body(),
                        method + " " + path + " [" + payload.name() + "]", statuses, failures);
            }
            if (PATH_PARAMETER.matcher(template).find()) {
                for (String junk : junkSegments) {
                    String junkPath = PATH_PARAMETER.matcher(template).replaceAll(Matcher.quoteReplacement(junk));
                    sent++;
                    // NUL and a UTF-8-encoded surrogate cannot be decoded into a URL path: the HTTP listener
                    // refuses them with a bare 400 before the application sees the request (no 5xx, but no
                    // problem body either: the one known gap, see docs/security.md)
                    boolean undecodable = junk.equals("%00") || junk.equals("%ED%A0%80");
                    List<String> found = new ArrayList<>();
                    send(method, junkPath, tokens.get(sent % tokens.size()), "application/json",
                            "{}".getBytes(StandardCharsets.UTF_8), method + " " + template + " [path "
                            + abbreviate(junk) + "]", statuses, found);
                    failures.addAll(undecodable ? found.stream()
                            .filter(failure -> !failure.contains("not problem+json: 400")).toList() : found);
                }
            }
        }
        System.out.println("FuzzIT: " + endpoints.size() + " write endpoints, " + sent + " requests, statuses "
                + statuses);
        assertEquals(List.of(), failures.stream().limit(40).toList(), failures.size() + " bad answers of " + sent);
    }

    /** HTTP/1.1, one request at a time: a connection the server drops is a finding, not the end of the run. */
    private void send(String method, String path, String token, String contentType, byte[] body, String what,
            Map<Integer, Integer> statuses, List<String> failures) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api().uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Authorization", "Bearer " + token);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            check(new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response), what, statuses, failures);
        } catch (IOException e) {
            statuses.merge(0, 1, Integer::sum);
            failures.add(what + " -> connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void check(Reply reply, String what, Map<Integer, Integer> statuses, List<String> failures) {
        statuses.merge(reply.status(), 1, Integer::sum);
        if (reply.status() < 300) {
            // accepted junk is worth a look in the report (endpoints without a body accept anything)
            System.out.println("FuzzIT accepted: " + what + " -> " + reply.status());
        }
        if (reply.status() >= 500) {
            failures.add(what + " -> " + abbreviate(reply.toString()));
        } else if (reply.status() >= 400 && !reply.contentType().startsWith(ApiAssertions.PROBLEM_JSON)) {
            failures.add(what + " -> not problem+json: " + abbreviate(reply.toString()));
        }
    }

    /** Method and path template of every POST, PUT, PATCH and DELETE in the OpenAPI document. */
    private static List<String[]> writeEndpoints(Api api) {
        Reply document = api.send("GET", "openapi", null, null, null, "Accept", "application/json");
        assertEquals(200, document.status(), document.toString());
        JsonObject paths;
        try (JsonReader reader = Json.createReader(new StringReader(document.body()))) {
            paths = reader.readObject().getJsonObject("paths");
        }
        List<String[]> endpoints = new ArrayList<>();
        for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
            String template = path.getKey().startsWith("/api/v1") ? path.getKey() : "/api/v1" + path.getKey();
            for (String method : WRITE_METHODS) {
                if (path.getValue().asJsonObject().containsKey(method)) {
                    endpoints.add(new String[] {method.toUpperCase(), template.substring(1)});
                }
            }
        }
        return endpoints;
    }

    private record Payload(String name, String contentType, byte[] body) {
    }

    private static List<Payload> payloads() {
        List<Payload> payloads = new ArrayList<>();
        payloads.add(json("NUL in every field", everyField(Json.createValue(NUL))));
        payloads.add(json("NUL in one field", Json.createObjectBuilder().add("reason", NUL).build().toString()));
        payloads.add(json("escaped lone surrogate", "{\"reason\":\"a\\ud800b\",\"subject\":\"\\udfff\"}"));
        payloads.add(new Payload("raw lone surrogate", "application/json", rawLoneSurrogate()));
        payloads.add(json("CR/LF in every field", everyField(Json.createValue("line\r\nInjected: header\r\n"))));
        payloads.add(json("1 MB string", "{\"description\":\"" + "x".repeat(1_000_000) + "\",\"unexpected\":1}"));
        payloads.add(json("1000-deep nesting", "[".repeat(1000) + "]".repeat(1000)));
        payloads.add(json("1000-deep objects", "{\"a\":".repeat(1000) + "1" + "}".repeat(1000)));
        payloads.add(json("numbers for strings", everyField(Json.createValue(12345678901234567890.0))));
        payloads.add(json("arrays for strings", everyField(Json.createArrayBuilder().add(1).add("x").build())));
        payloads.add(json("objects for strings", everyField(Json.createObjectBuilder().add("x", 1).build())));
        payloads.add(json("nulls", everyField(JsonValue.NULL)));
        payloads.add(json("booleans", everyField(JsonValue.TRUE)));
        payloads.add(json("array for object", "[{\"reason\":\"x\"}]"));
        payloads.add(json("null body", "null"));
        payloads.add(json("number body", "-0.0e999999999"));
        payloads.add(json("string body", "\"just a string\""));
        payloads.add(new Payload("empty body", "application/json", new byte[0]));
        payloads.add(json("invalid JSON", "{\"reason\": \"unterminated"));
        payloads.add(json("trailing garbage", "{} {}"));
        payloads.add(json("duplicate keys", "{\"reason\":\"a\",\"reason\":\"b\"}"));
        payloads.add(new Payload("invalid UTF-8", "application/json", new byte[] {'{', '"', (byte) 0xC3, '"', '}'}));
        payloads.add(new Payload("wrong content type", "text/plain", "{}".getBytes(StandardCharsets.UTF_8)));
        payloads.add(new Payload("form content type", "application/x-www-form-urlencoded",
                "reason=a%00b&subject=x".getBytes(StandardCharsets.UTF_8)));
        payloads.add(new Payload("no content type", null, "{}".getBytes(StandardCharsets.UTF_8)));
        return payloads;
    }

    private static Payload json(String name, String body) {
        return new Payload(name, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static String everyField(JsonValue value) {
        var object = Json.createObjectBuilder();
        FIELDS.forEach(field -> object.add(field, value));
        return object.build().toString();
    }

    /** {"reason":"a<ED A0 80>b"}: a surrogate encoded as UTF-8 bytes, which UTF-8 forbids. */
    private static byte[] rawLoneSurrogate() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"reason\":\"a".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        out.writeBytes("b\"}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
