package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.PolicyFixtures.createUser;
import static org.custodian.it.PolicyFixtures.customer;
import static org.custodian.it.PolicyFixtures.suffix;
import static org.custodian.it.PolicyFixtures.ticket;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Attachments (#24) end to end: upload, list and download over HTTP with the content intact; the limits (413), the
 * type and magic-byte checks (415); an agent who sees customer data masked downloads only after a reveal; an erasure
 * destroys the customer's key (410); and the stored ciphertext opens with gpg and nothing else, as an operator would
 * open it: the data key unwrapped with the master key, then the file with the data key.
 */
class AttachmentIT extends DeployedWar {

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H',
        'D', 'R'};

    private HttpResponse<byte[]> upload(String token, long ticketId, String filename, String type, byte[] content)
            throws Exception {
        String boundary = "----custodian" + suffix();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/tickets/" + ticketId + "/attachments"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> download(String token, long ticketId, long attachmentId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/v1/tickets/" + ticketId + "/attachments/"
                + attachmentId)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonObject json(HttpResponse<byte[]> response) {
        return Json.createReader(new java.io.StringReader(new String(response.body(), StandardCharsets.UTF_8)))
                .readObject();
    }

    private static String text(HttpResponse<byte[]> response) {
        return response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void uploadListDownloadRevealAndErasure() throws Exception {
        Api api = api();
        String agentName = "attach.agent" + suffix();
        createUser(agentName, "AGENT", "EU");
        String agent = Tokens.forUser(agentName, "AGENT", List.of("EU"));
        String supervisor = api.token("supervisor");
        long customerId = customer(api, agent, "EU");
        long ticketId = ticket(api, agent, customerId, "Attachments " + suffix(), "See the files", "SOFTWARE");

        // a PDF and a CSV with a card number, round trip byte for byte
        byte[] pdf = new byte[1_600_000];
        new SecureRandom().nextBytes(pdf);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        HttpResponse<byte[]> created = upload(agent, ticketId, "Rechnung März.pdf", "application/pdf", pdf);
        assertEquals(201, created.statusCode(), text(created));
        long pdfId = json(created).getJsonNumber("id").longValue();
        assertEquals(sha256(pdf), json(created).getString("sha256"));
        byte[] csv = "name;card\nJane;4111 1111 1111 1111\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> csvCreated = upload(agent, ticketId, "cards.csv", "text/csv", csv);
        assertEquals(201, csvCreated.statusCode(), text(csvCreated));
        long csvId = json(csvCreated).getJsonNumber("id").longValue();
        assertTrue(json(csvCreated).getBoolean("flagged"), "a card number flags the file: " + text(csvCreated));

        JsonObject list = api.get("api/v1/tickets/" + ticketId + "/attachments", supervisor).json();
        assertEquals(2, list.getInt("total"), list.toString());
        JsonObject listedCsv = list.getJsonArray("items").getJsonObject(1);
        assertTrue(listedCsv.getString("piiFindings").contains("CREDIT_CARD=1"), listedCsv.toString());
        assertTrue(listedCsv.getBoolean("downloadable"), "the supervisor sees CONFIDENTIAL in full");

        HttpResponse<byte[]> got = download(supervisor, ticketId, pdfId);
        assertEquals(200, got.statusCode(), text(got));
        assertArrayEquals(pdf, got.body());
        assertEquals("application/pdf", got.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", got.headers().firstValue("X-Content-Type-Options").orElse(""));
        String disposition = got.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("attachment;")
                && disposition.contains("filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf"), disposition);
        assertNotNull(Sql.text("select fields from audit_event where action = 'ATTACHMENT_DOWNLOAD' and actor ="
                + " 'supervisor' and resource_id = ? and outcome = 'SUCCESS'", String.valueOf(ticketId)));

        // the agent sees customer data masked: no download until they reveal the content, with a reason
        assertFalse(api.get("api/v1/tickets/" + ticketId + "/attachments", agent).json().getJsonArray("items")
                .getJsonObject(0).getBoolean("downloadable"));
        HttpResponse<byte[]> refused = download(agent, ticketId, csvId);
        assertEquals(403, refused.statusCode(), text(refused));
        assertTrue(text(refused).contains("reveal"), text(refused));
        Reply reveal = api.post("api/v1/tickets/" + ticketId + "/reveal", agent, "{\"fields\":[\"attachment.content\"],"
                + "\"reason\":\"Customer asked me to check the attached list\"}");
        assertEquals(200, reveal.status(), reveal.toString());
        HttpResponse<byte[]> revealed = download(agent, ticketId, csvId);
        assertEquals(200, revealed.statusCode(), text(revealed));
        assertArrayEquals(csv, revealed.body());
        String csvType = revealed.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT);
        assertTrue(csvType.startsWith("text/csv") && csvType.contains("charset=utf-8"), csvType);
        assertNotNull(Sql.text("select fields from audit_event where action = 'ATTACHMENT_DOWNLOAD' and actor = ?"
                + " and fields like '%revealed=true%'", agentName));

        // the stored ciphertext opens with gpg alone: data key unwrapped by the master key, then the file
        gpgOpens(csvId, customerId, csv);

        // limits and types
        HttpResponse<byte[]> big = upload(agent, ticketId, "big.log", "text/plain",
                "x".repeat(2_200_000).getBytes(StandardCharsets.US_ASCII));
        assertEquals(413, big.statusCode(), text(big));
        assertTrue(text(big).contains("application/problem+json") || big.headers().firstValue("Content-Type")
                .orElse("").contains("problem+json"), text(big));
        HttpResponse<byte[]> fake = upload(agent, ticketId, "photo.png", "image/png", "%PDF-1.4 not a png"
                .getBytes(StandardCharsets.US_ASCII));
        assertEquals(415, fake.statusCode(), text(fake));
        assertTrue(text(fake).contains("first bytes"), text(fake));
        HttpResponse<byte[]> exe = upload(agent, ticketId, "tool.exe", "application/x-msdownload",
                new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0});
        assertEquals(415, exe.statusCode(), text(exe));
        assertEquals(201, upload(agent, ticketId, "pixel.png", "image/png", PNG).statusCode());
        HttpResponse<byte[]> overTicket = upload(agent, ticketId, "more.pdf", "application/pdf", pdf);
        assertEquals(413, overTicket.statusCode(), "3 MiB per ticket in the tests: " + text(overTicket));
        assertEquals(3, api.get("api/v1/tickets/" + ticketId + "/attachments", supervisor).json().getInt("total"),
                "refused uploads leave nothing behind");

        // erasure destroys the customer's key: their attachments are gone for good
        String privacy = api.token("privacy");
        long request = api.post("api/v1/privacy/requests", privacy, "{\"type\":\"ERASURE\",\"customerId\":"
                + customerId + "}").json().getJsonNumber("id").longValue();
        api.post("api/v1/privacy/requests/" + request + "/verify", privacy, "{\"method\":\"ID card\"}");
        api.post("api/v1/privacy/requests/" + request + "/start", privacy, "{}");
        JsonObject erased = api.post("api/v1/privacy/requests/" + request + "/erase", privacy, "{}").json();
        assertEquals("COMPLETED", erased.getString("status"), erased.toString());
        assertTrue(erased.getString("outcome").contains("1 attachment key"), erased.toString());
        HttpResponse<byte[]> gone = download(supervisor, ticketId, pdfId);
        assertEquals(410, gone.statusCode(), text(gone));
        assertTrue(gone.headers().firstValue("Content-Type").orElse("").contains("problem+json"), text(gone));
        JsonObject afterErasure = api.get("api/v1/tickets/" + ticketId + "/attachments", supervisor).json()
                .getJsonArray("items").getJsonObject(0);
        assertTrue(afterErasure.getBoolean("erased") && !afterErasure.getBoolean("downloadable"),
                afterErasure.toString());
        assertEquals("[erased]", afterErasure.getString("filename"), "a file name may name the person");
        assertEquals(0, Sql.longValue("select count(*) from attachment_key where customer_id = ? and wrapped_key is"
                + " not null", customerId));
        assertNotNull(Sql.text("select fields from audit_event where action = 'PRIVACY_REQUEST_ERASE' and"
                + " resource_id = ? and fields like '%attachment-keys-destroyed=1%'", String.valueOf(request)));
    }

    @AfterAll
    static void closeBrowser() {
        BROWSER.close();
    }

    /** The ticket page's section: an agent uploads, sees the files masked, reveals them and may download. */
    @Test
    void theTicketPageListsUploadsAndOffersDownloadsToThoseAllowed() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        long customerId = customer(api, agent, "EU");
        long ticketId = ticket(api, agent, customerId, "Portal attachments " + suffix(), "Files", "SOFTWARE");
        assertEquals(201, upload(agent, ticketId, "secrets.txt", "text/plain",
                "password: hunter2-very-secret\ncard 4111 1111 1111 1111\n".getBytes(StandardCharsets.UTF_8))
                .statusCode());
        Path file = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty(
                "custodian.it.workdir", "target"))), "up")
                .resolve("Übersicht.csv");
        Files.writeString(file, "id;total\n1;42\n");

        BROWSER.base(base.toString());
        BROWSER.reset();
        BROWSER.open("/login.xhtml");
        BROWSER.type("login:username", "agent.eu");
        BROWSER.type("login:password", Api.DEMO_PASSWORD);
        BROWSER.submit("login:submit");
        BROWSER.open("/ticket.xhtml?id=" + ticketId);
        BROWSER.find("input[type='file']").sendKeys(file.toString());
        BROWSER.submit("attachments:upload");
        assertEquals("/ticket.xhtml?id=" + ticketId, BROWSER.path(), "post-redirect-get back to the ticket");
        String table = BROWSER.find("table.attachments").getText();
        assertTrue(table.contains("secrets.txt") && table.contains("Übersicht.csv"), table);
        assertTrue(table.contains("Card number or secret inside"), table);
        assertNotNull(Sql.text("select fields from audit_event where action = 'ATTACHMENT_UPLOAD' and actor ="
                + " 'agent.eu' and resource_id = ?", String.valueOf(ticketId)));
        // the agent sees customer data masked: the list, no download link, a reveal with a reason
        assertTrue(BROWSER.driver().findElements(By.cssSelector("a.attachment-download")).isEmpty());
        assertTrue(table.contains("masked for you"), table);
        BROWSER.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})",
                BROWSER.find("table.attachments"));
        BROWSER.screenshot("ticket-attachments");
        BROWSER.type("attachmentReveal:reason", "The customer asked about the totals in the file");
        BROWSER.submit("attachmentReveal:reveal");
        assertEquals("/ticket.xhtml?id=" + ticketId, BROWSER.path());
        assertEquals(2, BROWSER.driver().findElements(By.cssSelector("a.attachment-download")).size(),
                "revealed: the agent may download for a few minutes");
        BROWSER.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})",
                BROWSER.find("table.attachments"));
        BROWSER.screenshot("ticket-attachments-revealed");
        assertEquals(2, api.get("api/v1/tickets/" + ticketId + "/attachments", api.token("supervisor")).json()
                .getInt("total"));
    }

    private static void gpgOpens(long attachmentId, long customerId, byte[] expected) throws Exception {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("custodian.it.workdir",
                "target"))), "gpg");
        Path home = Files.createDirectories(work.resolve("gnupg"));
        try (Connection connection = EmbeddedPostgresSession.connect()) {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            try (PreparedStatement chunks = connection.prepareStatement("select data from attachment_chunk where"
                    + " attachment_id = ? order by seq")) {
                chunks.setLong(1, attachmentId);
                try (ResultSet rows = chunks.executeQuery()) {
                    while (rows.next()) {
                        message.write(rows.getBytes(1));
                    }
                }
            }
            Files.write(work.resolve("attachment.gpg"), message.toByteArray());
            try (PreparedStatement key = connection.prepareStatement("select wrapped_key from attachment_key where"
                    + " customer_id = ?")) {
                key.setLong(1, customerId);
                try (ResultSet row = key.executeQuery()) {
                    assertTrue(row.next(), "the customer has a data key");
                    Files.write(work.resolve("data-key.gpg"), row.getBytes(1));
                }
            }
        }
        Properties dev = new Properties();
        try (InputStream in = new FileInputStream(System.getProperty("custodian.it.devprops"))) {
            dev.load(in);
        }
        Files.writeString(work.resolve("master-key"), dev.getProperty("custodian.attachment.master-key"));
        gpg(work, home, "--output", "data-key", "--decrypt", "--passphrase-file", "master-key", "data-key.gpg");
        gpg(work, home, "--output", "attachment", "--decrypt", "--passphrase-file", "data-key", "attachment.gpg");
        assertArrayEquals(expected, Files.readAllBytes(work.resolve("attachment")));
    }

    private static void gpg(Path work, Path home, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch",
                "--yes", "--pinentry-mode", "loopback"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), () -> command + ":\n" + output);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
