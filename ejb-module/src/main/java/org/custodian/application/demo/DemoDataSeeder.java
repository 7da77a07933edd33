package org.custodian.application.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds demo data on a first start when {@code custodian.demo.seed} is true (the one-command run
 * and the tests turn it on; it is off unless asked for), then says how to sign in. The demo users' password is
 * {@code custodian.demo.password} when set, else generated and printed once, at the start that creates them.
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

    /** Unset: a password is generated at the first seeding and printed that once. */
    @Inject
    @ConfigProperty(name = "custodian.demo.password")
    Optional<String> configuredPassword;

    @Inject
    @ConfigProperty(name = "custodian.public-url", defaultValue = "http://localhost:8080/")
    String publicUrl;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void seed() {
        if (!enabled) {
            return;
        }
        String password = configuredPassword.filter(text -> !text.isBlank()).orElseGet(DemoDataSeeder::generated);
        boolean seeded = demoData.seedIfEmpty(password);
        StringBuilder users = new StringBuilder();
        DemoData.USERS.forEach(user -> users.append(' ').append(user[0]));
        String shown = configuredPassword.isPresent() ? "the one in CUSTODIAN_DEMO_PASSWORD"
                : seeded ? password + ", generated now and shown only this once"
                : "the one printed at the first start";
        // the generated password goes to the console once, as the only way to hand it over; never again
        LOG.info(() -> (seeded ? "Seeded demo data. " : "")
                + "Custodian is up at " + publicUrl + " - demo users:" + users + " (password: " + shown + "). "
                + "Get a token: curl -s -X POST " + publicUrl + "api/v1/auth/token -H 'Content-Type: application/json'"
                + " -d '{\"username\":\"agent.eu\",\"password\":\"<password>\"}'");
    }

    /** 20 random characters of an alphabet without look-alikes, in groups of five: ~116 bits. */
    private static String generated() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
