package org.custodian.application.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds demo data on a first start when {@code custodian.demo.seed} is true (the one-command run
 * and the tests turn it on; production leaves it off), then says how to sign in.
 */
@Singleton
@Startup
// by bean name, in this module: the schema is migrated first, and the application layer imports no infrastructure
@DependsOn("DatabaseMigrator")
public class DemoDataSeeder {

    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class.getName());

    @EJB
    private DemoData demoData;

    @Inject
    @ConfigProperty(name = "custodian.demo.seed", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "custodian.demo.password", defaultValue = "Custodian-Demo-1")
    String password;

    @Inject
    @ConfigProperty(name = "custodian.public-url", defaultValue = "http://localhost:8080/")
    String publicUrl;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void seed() {
        if (!enabled) {
            return;
        }
        boolean seeded = demoData.seedIfEmpty(password);
        StringBuilder users = new StringBuilder();
        DemoData.USERS.forEach(user -> users.append(' ').append(user[0]));
        LOG.info(() -> (seeded ? "Seeded demo data. " : "")
                + "Custodian is up at " + publicUrl + " - demo users:" + users + " (password: " + password + "). "
                + "Get a token: curl -s -X POST " + publicUrl + "api/v1/auth/token -H 'Content-Type: application/json'"
                + " -d '{\"username\":\"agent.eu\",\"password\":\"" + password + "\"}'");
    }
}
