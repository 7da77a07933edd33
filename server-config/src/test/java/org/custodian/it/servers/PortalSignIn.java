package org.custodian.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's password sign-in as a browser does it, in plain HTTP: the server suites have no Chromium, and what
 * they check is that Faces renders and posts back on that server (view state, session cookie, redirect).
 */
final class PortalSignIn {

    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private PortalSignIn() {
    }

    /** Signs in through login.xhtml and returns the page the portal then lands on. */
    static String signIn(URI base, String username, String password) throws IOException, InterruptedException {
        URI root = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(root.resolve("login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("login:username") && page.body().contains("login:password"), page.body());
        Matcher viewState = VIEW_STATE.matcher(page.body());
        assertTrue(viewState.find(), "a Faces form with a view state: " + page.body());

        String form = form("login", "login", "login:username", username, "login:password", password,
                "login:submit", "", "jakarta.faces.ViewState", viewState.group(1));
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(root.resolve("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        String landing = signedIn.headers().firstValue("Location").orElseThrow();
        assertFalse(landing.contains("login.xhtml"), "signed in, not sent back to the form: " + landing);

        HttpResponse<String> home = browser.send(HttpRequest.newBuilder(root.resolve(landing)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, home.statusCode(), landing + ": " + home.body());
        return home.body();
    }

    private static String form(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            form.append(form.length() == 0 ? "" : "&")
                    .append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }
}
