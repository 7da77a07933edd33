package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.custodian.it.Api.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Two nodes of one data grid over one database (#26): the runnable jar twice, clustered, behind {@link FailoverProxy}
 * as the load balancer. A token revoked on one node is refused by the other at its next request (the version is read
 * per request, never cached); a portal session survives its node's death: a signed-in agent's, and a supervisor's
 * half-way through enrolling a second factor (the pending stage, the view-scoped key and the server-side view state
 * of the form rendered by the dead node), finished on the other node.
 */
class SessionFailoverIT {

    private static final Duration BOOT = Duration.ofMinutes(10);

    @RegisterExtension
    static final Browser SUPERVISOR = new Browser();

    @RegisterExtension
    static final Browser AGENT = Browser.second("agent");

    @Test
    void aSessionGoesOnOnTheOtherNodeWhenItsNodeDiesAndARevocationHoldsOnBoth() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("custodian.it.workdir"), "session-failover"));
        String database = "session_failover_" + Long.toHexString(System.nanoTime());
        // one installation: the second node finds the keys the first one generated in the shared data directory
        Map<String, String> environment = RunnableServer.demoOnOwnDatabase(work, database);
        DataGrid grid = DataGrid.ofTwo();
        try (RunnableServer a = RunnableServer.start(work, environment, grid.options(0))) {
            assertTrue(a.awaitLine(line -> line.contains(" ready in "), BOOT), () -> "A did not start: " + a.tail());
            try (RunnableServer b = RunnableServer.start(work, environment, grid.options(1))) {
                assertTrue(b.awaitLine(line -> line.contains(" ready in "), BOOT), () -> "B did not start: "
                        + b.tail());
                assertTrue(b.console().stream().anyMatch(line -> line.contains("DG Size: 2")), () -> "one grid of two: "
                        + b.tail());
                revocationOnOneNodeHoldsOnTheOther(new Api(a.url()), new Api(b.url()));
                sessionsOutliveTheirNode(a, b, database);
            }
        }
    }

    private static void revocationOnOneNodeHoldsOnTheOther(Api onA, Api onB) {
        String first = onA.token("agent.eu");
        String second = onA.token("agent.eu");
        assertEquals(200, onB.get("api/v1/tickets", second).status(), "A's token is good on B");
        Reply revoked = onA.post("api/v1/auth/sign-out-everywhere", first, "{}");
        assertEquals(204, revoked.status(), revoked.toString());
        assertEquals(401, onB.get("api/v1/tickets", second).status(), "revoked on A: refused by B at once");
    }

    private static void sessionsOutliveTheirNode(RunnableServer a, RunnableServer b, String database)
            throws Exception {
        try (FailoverProxy balancer = new FailoverProxy(a.port())) {
            AGENT.base(balancer.url().toString());
            PortalIT.password(AGENT, "agent.us");
            assertEquals("/index.xhtml", AGENT.path(), "agent.us needs no second factor");

            SUPERVISOR.base(balancer.url().toString());
            PortalIT.password(SUPERVISOR, "supervisor");
            assertEquals("/enroll.xhtml", SUPERVISOR.path(), "the supervisor's role must enroll a second factor");
            String secret = SUPERVISOR.byId("secret").getText().trim();

            Thread.sleep(1000); // a request's session is stored in the grid as the request ends
            a.kill();
            balancer.pointAt(b.port());

            // the form A rendered, posted to B: its view state, the key shown and the enrollment stage came along
            SUPERVISOR.type("enroll:code", Totp.code(secret, Instant.now().getEpochSecond() / 30));
            SUPERVISOR.submit("enroll:confirm");
            SUPERVISOR.await(driver -> !driver.findElements(By.cssSelector("#recovery-codes li")).isEmpty());
            SUPERVISOR.submit("done:continue");
            SUPERVISOR.await(driver -> !SUPERVISOR.path().startsWith("/enroll.xhtml"));
            SUPERVISOR.open("/index.xhtml");
            assertEquals("/index.xhtml", SUPERVISOR.path(), "signed in, on B");
            assertEquals(1, RunnableServer.count(database, "select count(*) from user_second_factor where username ="
                    + " 'supervisor' and confirmed_at is not null"), "enrolled once");

            AGENT.open("/index.xhtml");
            assertEquals("/index.xhtml", AGENT.path(), "the agent's session goes on on B: " + b.tail());
            assertFalse(AGENT.driver().findElements(By.id("session:signOut")).isEmpty(), "signed in");
        }
    }
}
