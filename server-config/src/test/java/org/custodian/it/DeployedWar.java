package org.custodian.it;

import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every integration test class stands on: the WAR that ships (target/ROOT.war), deployed as it is by
 * Arquillian on a Payara Micro of its own (one server per test class, all on the one embedded PostgreSQL that
 * {@link EmbeddedPostgresSession} starts for the run), and the address it answers on. Failsafe runs the classes
 * alphabetically; RetentionIT must come after every class that proves or exports the audit trail, because it prunes
 * it (UserAdministrationIT, which runs after it, neither proves nor exports).
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedWar {

    @ArquillianResource
    protected URL base;

    /** Not testable: the tests are clients over HTTP, as an integrator would be. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("custodian.it.war")));
    }

    /** A plain HTTP client for the deployed API. */
    protected Api api() {
        return new Api(base);
    }
}
