package org.custodian.it;

import static org.custodian.it.ApiAssertions.assertProblem;
import static org.custodian.it.ApiAssertions.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The customer directory (#23): search by name, e-mail or phone as the policy shows each field (a fragment of what
 * one sees in full, only the whole value of what one sees masked), changes with versions, duplicates flagged with
 * the existing record; in the browser: the Customers page, a customer's tickets and consent, the customer's name
 * on a ticket, the customer picker of a new ticket. Each test makes its own customers.
 */
class CustomerDirectoryIT extends DeployedWar {

    @RegisterExtension
    static final Browser BROWSER = new Browser().freshEachTest();

    /** A customer of the test's own: a unique name, e-mail and phone from the suffix. */
    private record Person(long id, String name, String email, String phone, String suffix) {
    }

    private static Person person(Api api, String token, String first, String region) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String digits = String.format("%07d", Math.floorMod(suffix.hashCode(), 10_000_000));
        String name = first + " Marlowe " + suffix;
        String email = first.toLowerCase(Locale.ROOT) + ".marlowe." + suffix + "@example.com";
        String phone = "+49 89 " + digits;
        Reply reply = api.post("api/v1/customers", token, Json.createObjectBuilder().add("name", name)
                .add("email", email).add("phone", phone).add("region", region).build().toString());
        assertEquals(201, reply.status(), reply.toString());
        return new Person(reply.json().getJsonNumber("id").longValue(), name, email, phone, suffix);
    }

    private static Reply search(Api api, String token, String query) {
        return api.get("api/v1/customers?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), token);
    }

    private static List<Long> ids(Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    @Test
    void anAgentFindsAMaskedAddressOrNumberOnlyWholeAndASupervisorByAnyFragment() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        String supervisor = api.token("supervisor");
        Person quentin = person(api, agent, "Quentin", "EU");
        long lookupsBefore = Sql.longValue("select count(*) from audit_event where action = 'CUSTOMER_LOOKUP'"
                + " and resource_id = ?", String.valueOf(quentin.id()));

        // the whole address, in another case: found, shown masked as everywhere else, audited as a look-up
        Reply byEmail = search(api, agent, quentin.email().toUpperCase(Locale.ROOT));
        assertEquals(List.of(quentin.id()), ids(byEmail));
        JsonObject shown = byEmail.json().getJsonArray("items").getJsonObject(0);
        assertEquals("q***@example.com", shown.getString("email"));
        assertFalse(byEmail.body().contains(quentin.suffix()), "nothing of the hidden part in the answer: " + byEmail);
        assertEquals(lookupsBefore + 1, Sql.longValue("select count(*) from audit_event where action ="
                + " 'CUSTOMER_LOOKUP' and actor = 'agent.eu' and resource_id = ? and fields like '%by=email%'",
                String.valueOf(quentin.id())));
        assertTrue(Sql.longValue("select count(*) from audit_event where action = 'CUSTOMER_SEARCH' and actor ="
                + " 'agent.eu' and resource_id = ?", String.valueOf(quentin.id())) >= 1);

        // a fragment of a masked address finds nothing, nor does part of the number or of the (masked) name
        for (String fragment : List.of("quentin.marlowe." + quentin.suffix(), quentin.suffix() + "@example.com",
                quentin.suffix(), quentin.phone().substring(7), "Marlowe " + quentin.suffix())) {
            assertEquals(List.of(), ids(search(api, agent, fragment)), "'" + fragment + "' must find nothing");
            assertEquals(0, search(api, agent, fragment).json().getInt("total"));
        }
        // the whole number in another spelling, and the whole name in another case: found
        String respelled = "0049-89-" + quentin.phone().substring(7);
        assertEquals(List.of(), ids(search(api, agent, respelled)), "0049 is not +49: other digits");
        assertEquals(List.of(quentin.id()), ids(search(api, agent, "+49 (89) " + quentin.phone().substring(7))));
        assertEquals(List.of(quentin.id()), ids(search(api, agent, quentin.name().toLowerCase(Locale.ROOT))));

        // a supervisor sees everything in full: fragments of name, address and number find the customer
        for (String fragment : List.of("marlowe " + quentin.suffix(), "quentin.marlowe." + quentin.suffix(),
                quentin.phone().substring(7))) {
            assertEquals(List.of(quentin.id()), ids(search(api, supervisor, fragment)), fragment);
        }
        assertEquals(quentin.email(), search(api, supervisor, quentin.suffix()).json().getJsonArray("items")
                .getJsonObject(0).getString("email"));

        // regions: another region's agent does not find the customer even by the whole address
        assertEquals(List.of(), ids(search(api, api.token("agent.us"), quentin.email())));
        assertEquals(List.of(), ids(api.get("api/v1/customers?region=US&q="
                + URLEncoder.encode(quentin.email(), StandardCharsets.UTF_8), agent)));
        assertEquals(List.of(quentin.id()), ids(api.get("api/v1/customers?region=EU&q="
                + URLEncoder.encode(quentin.email(), StandardCharsets.UTF_8), agent)));

        // paging and bad input
        Reply page = api.get("api/v1/customers?size=1&page=0", supervisor);
        assertEquals(1, page.json().getJsonArray("items").size());
        assertTrue(page.json().getInt("total") >= 2, page.toString());
        assertViolation(api.get("api/v1/customers?size=500", agent), "size");
        assertViolation(api.get("api/v1/customers?page=-1", agent), "page");
        assertViolation(api.get("api/v1/customers?size=ten", agent), "size");
        assertViolation(api.get("api/v1/customers?region=MARS", agent), "region");
        assertProblem(api.get("api/v1/customers", api.token("operator")), 403);
        assertProblem(api.get("api/v1/customers", null), 401);
    }

    @Test
    void changesAreMergePatchesInTheCallersRegionsWithVersionsAndKeyedHashesInTheTrail() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        Person rita = person(api, agent, "Rita", "EU");
        String path = "api/v1/customers/" + rita.id();
        Reply read = api.get(path, agent);
        assertEquals(200, read.status(), read.toString());
        String etag = read.header("ETag").orElseThrow();

        String newPhone = "+44 20 " + rita.phone().substring(7);
        Reply changed = api.send("PATCH", path, agent, "application/merge-patch+json",
                "{\"phone\":\"" + newPhone + "\"}", "If-Match", etag);
        assertEquals(200, changed.status(), changed.toString());
        assertFalse(changed.body().contains(newPhone), "the answer is masked like a read: " + changed);
        assertFalse(etag.equals(changed.header("ETag").orElseThrow()), "a change moves the version");
        assertEquals(newPhone, Sql.text("select phone from customer where id = ?", rita.id()));
        String trail = Sql.text("select fields from audit_event where action = 'CUSTOMER_UPDATE' and resource_id = ?"
                + " order by sequence desc limit 1", String.valueOf(rita.id()));
        assertTrue(trail.contains("phone="), trail);
        assertFalse(trail.contains(newPhone.substring(4)) || trail.contains(rita.phone().substring(4)),
                "personal values only as keyed hashes: " + trail);

        // a change from a stale read is refused
        assertProblem(api.send("PATCH", path, agent, "application/merge-patch+json", "{\"name\":\"Rita Other\"}",
                "If-Match", etag), 412);
        // fields that cannot change, bad values, a field the agent does not see
        assertViolation(api.patch(path, agent, "{\"region\":\"US\"}"), "region");
        assertViolation(api.patch(path, agent, "{\"email\":\"not-an-address\"}"), "email");
        assertViolation(api.patch(path, agent, "{\"name\":null}"), "name");
        assertViolation(api.patch(path, agent, "{\"nationalId\":\"AB123456C\"}"), "nationalId");
        assertViolation(api.patch(path, agent, "{\"phone\":42}"), "phone");
        assertViolation(api.patch(path, agent, "{}"), "body");
        // other regions and other roles: refused; unknown: 404
        assertProblem(api.patch(path, api.token("agent.us"), "{\"name\":\"Rita US\"}"), 403);
        assertProblem(api.patch(path, api.token("engineer"), "{\"name\":\"Rita Eng\"}"), 403);
        assertProblem(api.patch("api/v1/customers/999999999", agent, "{\"name\":\"Nobody\"}"), 404);
        assertEquals(rita.name(), Sql.text("select name from customer where id = ?", rita.id()));

        // a supervisor of the region clears the e-mail (merge-patch null)
        Reply cleared = api.patch(path, api.token("supervisor"), "{\"email\":null}");
        assertEquals(200, cleared.status(), cleared.toString());
        assertFalse(cleared.json().containsKey("email") && !cleared.json().isNull("email"), cleared.toString());
        assertEquals(null, Sql.text("select email from customer where id = ?", rita.id()));
    }

    @Test
    void aDuplicateAddressOrNumberIsFlaggedWithTheExistingRecordAndCreatedOnlyWhenAskedTo() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        Person first = person(api, agent, "Sven", "EU");
        String again = Json.createObjectBuilder().add("name", "Sven Again").add("email",
                first.email().toUpperCase(Locale.ROOT)).add("region", "EU").build().toString();
        Reply flagged = api.post("api/v1/customers", agent, again);
        assertProblem(flagged, 409);
        assertEquals(first.id(), flagged.json().getJsonNumber("existingCustomerId").longValue());
        JsonObject existing = flagged.json().getJsonArray("existing").getJsonObject(0);
        assertTrue(existing.getString("href").endsWith("/api/v1/customers/" + first.id()), existing.toString());
        assertEquals("email", existing.getJsonArray("matched").getString(0));
        assertEquals("s***@example.com", existing.getString("email"), "shown as the policy shows it");
        assertTrue(flagged.json().getString("detail").contains("allowDuplicate"), flagged.toString());
        assertEquals(1, Sql.longValue("select count(*) from customer where lower(email) = ?", first.email()),
                "nothing was created");

        // the same number in another spelling
        Reply byPhone = api.post("api/v1/customers", agent, Json.createObjectBuilder().add("name", "Sven Phone")
                .add("phone", first.phone().replace(" ", "-")).add("region", "EU").build().toString());
        assertProblem(byPhone, 409);
        assertEquals("phone", byPhone.json().getJsonArray("existing").getJsonObject(0).getJsonArray("matched")
                .getString(0));

        // asked for explicitly: created
        Reply created = api.post("api/v1/customers", agent, Json.createObjectBuilder().add("name", "Sven Again")
                .add("email", first.email()).add("region", "EU").add("allowDuplicate", true).build().toString());
        assertEquals(201, created.status(), created.toString());
        // someone who may not see the existing record (another region) is not told of it
        Reply elsewhere = api.post("api/v1/customers", api.token("agent.us"), Json.createObjectBuilder()
                .add("name", "Sven US").add("email", first.email()).add("region", "US").build().toString());
        assertEquals(201, elsewhere.status(), elsewhere.toString());
        assertViolation(api.post("api/v1/customers", agent, "{\"name\":\"X\",\"region\":\"EU\",\"allowDuplicate\":1}"),
                "allowDuplicate");

        // the customer's tickets, as the policy shows them
        long ticket = TestData.createTicket(api, agent, first.id(), "Printer jams for " + first.suffix());
        Reply tickets = api.get("api/v1/customers/" + first.id() + "/tickets", agent);
        assertEquals(200, tickets.status(), tickets.toString());
        assertEquals(List.of(ticket), ids(tickets));
        // another region's agent (no transfer rule): the tickets without their personal fields, as a ticket search
        Reply elsewhereTickets = api.get("api/v1/customers/" + first.id() + "/tickets", api.token("agent.us"));
        assertEquals(List.of(ticket), ids(elsewhereTickets));
        assertFalse(elsewhereTickets.json().getJsonArray("items").getJsonObject(0).containsKey("subject"));
        assertProblem(api.get("api/v1/customers/" + first.id() + "/tickets", api.token("operator")), 403);
        assertProblem(api.get("api/v1/customers/999999999/tickets", agent), 404);
    }

    @Test
    void anAgentFindsACustomerInThePortalSeesTheirTicketsAndRecordsConsent() throws Exception {
        Api api = api();
        String agent = api.token("agent.eu");
        Person olivia = person(api, agent, "Olivia", "EU");
        long ticket = TestData.createTicket(api, agent, olivia.id(), "Scanner offline " + olivia.suffix());
        signIn("agent.eu");

        assertTrue(BROWSER.byId("nav-customer").getAttribute("href").contains("/customers.xhtml"),
                "the menu's Customers opens the directory");
        BROWSER.byId("nav-customer").click();
        BROWSER.await(driver -> BROWSER.path().startsWith("/customers.xhtml"));
        // by name (the agent sees names as initials: the whole name, any case)
        searchInPortal(olivia.name().toUpperCase(Locale.ROOT));
        assertEquals(List.of("O. M. " + olivia.suffix().charAt(0) + "."), rowLinks());
        BROWSER.screenshot("customers-by-name");
        // by the whole e-mail address
        searchInPortal(olivia.email());
        assertEquals(1, rowLinks().size());
        assertTrue(BROWSER.find("#customers tbody").getText().contains("o***@example.com"));
        assertTrue(BROWSER.path().contains("q="), "the search is in the URL: " + BROWSER.path());
        BROWSER.screenshot("customers-by-email");
        // not by a fragment of the masked address
        searchInPortal("olivia.marlowe." + olivia.suffix());
        assertEquals(List.of(), rowLinks());
        assertTrue(BROWSER.byId("noCustomers").isDisplayed());
        BROWSER.screenshot("customers-fragment-finds-nothing");

        // the customer's page lists their tickets
        searchInPortal(olivia.email());
        follow(BROWSER.find("#customers a.customer-link"));
        BROWSER.await(driver -> BROWSER.path().startsWith("/customer.xhtml?id=" + olivia.id()));
        WebElement listed = BROWSER.find("#customerTicketList a.ticket-link");
        assertEquals(String.valueOf(ticket), listed.getText());
        assertTrue(BROWSER.find("#customerTicketList").getText().contains("Scanner offline"));
        BROWSER.screenshot("customer-page");

        // a chat comment without consent points at the consent section, not at the API
        BROWSER.open("/ticket.xhtml?id=" + ticket);
        assertEquals("O. M. " + olivia.suffix().charAt(0) + ".", BROWSER.byId("customer").getText(),
                "the ticket names the customer as the policy shows the name");
        BROWSER.type("comment:body", "Chat: the customer confirmed the scanner is back.");
        new Select(BROWSER.byId("comment:channel")).selectByValue("CHAT");
        BROWSER.submit("comment:add");
        String offered = BROWSER.byId("recordConsentLink").getAttribute("href");
        assertTrue(offered.contains("/customer.xhtml?id=" + olivia.id()) && offered.endsWith("#consent"), offered);
        assertFalse(BROWSER.byId("messages").getText().contains("/api/v1"), BROWSER.byId("messages").getText());
        BROWSER.screenshot("ticket-chat-needs-consent");

        // consent recorded in the portal, audited by the consent service
        follow(BROWSER.byId("recordConsentLink"));
        BROWSER.await(driver -> BROWSER.path().startsWith("/customer.xhtml?id=" + olivia.id()));
        new Select(BROWSER.byId("consentForm:purpose")).selectByValue("CHAT_TRANSCRIPT_STORAGE");
        BROWSER.type("consentForm:source", "phone call");
        BROWSER.type("consentForm:textVersion", "v1");
        BROWSER.submit("consentForm:recordConsent");
        BROWSER.await(driver -> BROWSER.path().startsWith("/customer.xhtml?id=" + olivia.id()));
        WebElement chat = BROWSER.find("#consentInForce tbody tr");
        assertTrue(chat.getText().startsWith("Keeping chat transcripts"), chat.getText());
        assertEquals("Consent given", chat.findElement(By.cssSelector(".consent-state")).getText());
        assertEquals(1, Sql.longValue("select count(*) from consent_record where customer_id = ? and given and"
                + " purpose = 'CHAT_TRANSCRIPT_STORAGE' and source = 'phone call'", olivia.id()));
        assertEquals(1, Sql.longValue("select count(*) from audit_event where action = 'CONSENT_GIVE' and actor ="
                + " 'agent.eu' and resource_id = ?", String.valueOf(olivia.id())));
        BROWSER.screenshot("customer-consent-recorded");
        BROWSER.driver().navigate().refresh();
        assertEquals(1, Sql.longValue("select count(*) from consent_record where customer_id = ?", olivia.id()),
                "a reload records nothing again");
    }

    @Test
    void aNewTicketPicksItsCustomerBySearchAndARegistrationWarnsOfADuplicate() throws Exception {
        Api api = api();
        Person paul = person(api, api.token("agent.eu"), "Paul", "EU");
        signIn("agent.eu");

        BROWSER.open("/new-ticket.xhtml");
        BROWSER.type("newTicket:customerQuery", paul.email());
        BROWSER.byId("newTicket:findCustomer").click();
        BROWSER.await(driver -> new Select(driver.findElement(By.id("newTicket:customerId"))).getOptions().size() == 2);
        Select pick = new Select(BROWSER.byId("newTicket:customerId"));
        assertTrue(pick.getFirstSelectedOption().getText().contains("p***@example.com"),
                pick.getFirstSelectedOption().getText());
        BROWSER.type("newTicket:subject", "Picked customer " + paul.suffix());
        BROWSER.type("newTicket:description", "Opened for a customer found by e-mail.");
        BROWSER.type("newTicket:category", "HARDWARE");
        BROWSER.screenshot("new-ticket-customer-picked");
        BROWSER.submit("newTicket:open");
        BROWSER.await(driver -> BROWSER.path().startsWith("/ticket.xhtml?id="));
        long opened = Long.parseLong(BROWSER.path().substring("/ticket.xhtml?id=".length()));
        assertEquals(paul.id(), Sql.longValue("select customer_id from ticket where id = ?", opened));

        // registering the same address again warns with a link to the existing customer
        BROWSER.open("/customer.xhtml");
        BROWSER.type("newCustomer:name", "Paul Twice");
        BROWSER.type("newCustomer:email", paul.email());
        new Select(BROWSER.byId("newCustomer:region")).selectByValue("EU");
        BROWSER.submit("newCustomer:register");
        WebElement link = BROWSER.find("#duplicateWarning a.duplicate-link");
        assertTrue(link.getAttribute("href").contains("/customer.xhtml?id=" + paul.id()), link.getAttribute("href"));
        assertEquals(1, Sql.longValue("select count(*) from customer where lower(email) = ?", paul.email()));
        BROWSER.screenshot("customer-duplicate-warning");
        BROWSER.submit("duplicate:registerAnyway");
        BROWSER.await(driver -> BROWSER.path().startsWith("/customer.xhtml?id="));
        assertEquals(2, Sql.longValue("select count(*) from customer where lower(email) = ?", paul.email()));
    }

    private static void signIn(String username) {
        BROWSER.signIn(username);
        BROWSER.await(driver -> BROWSER.path().startsWith("/index.xhtml"));
    }

    /** Follows a link and waits until the next page has loaded. */
    private static void follow(WebElement link) {
        WebElement page = BROWSER.driver().findElement(By.tagName("html"));
        link.click();
        BROWSER.await(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (RuntimeException e) {
                return true;
            }
        });
        BROWSER.await(driver -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.readyState")));
    }

    private static void searchInPortal(String query) {
        BROWSER.open("/customers.xhtml");
        BROWSER.type("q", query);
        BROWSER.submit("customerSearchButton");
    }

    private static List<String> rowLinks() {
        return BROWSER.driver().findElements(By.cssSelector("#customers a.customer-link")).stream()
                .map(WebElement::getText).toList();
    }
}
