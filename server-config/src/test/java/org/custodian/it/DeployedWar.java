package org.custodian.it;

import java.net.URL;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every integration test class stands on: the WAR that ships (target/ROOT.war), deployed as it is on one Payara
 * Micro that all these classes share ({@link SharedPayaraMicro}: started once per test JVM, on the one embedded
 * PostgreSQL that {@link EmbeddedPostgresSession} starts for the run), and the address it answers on. One server
 * means what a class leaves in the application's memory (sessions, caches, timers) is there for the classes after
 * it, as the database always was: each class makes its own users, tickets and marks, and does not count on a state
 * only a fresh server has. A class that needs a server of its own (another environment, first start) starts the
 * runnable jar itself ({@link RunnableServer}: FirstStartIT, SingleSignOnIT). Failsafe runs the classes
 * alphabetically; RetentionIT must come after every class that proves or exports the audit trail, because it prunes
 * it (UserAdministrationIT, which runs after it, neither proves nor exports).
 */
@ExtendWith(SharedPayaraMicro.class)
abstract class DeployedWar {

    /** Set by {@link SharedPayaraMicro} before any test or {@code @BeforeEach} of the instance runs. */
    protected URL base;

    /** A plain HTTP client for the deployed API. */
    protected Api api() {
        return new Api(base);
    }
}
