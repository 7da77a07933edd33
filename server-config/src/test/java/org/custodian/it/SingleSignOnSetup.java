package org.custodian.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the single sign-on tests share: a database of their own (their runnable server must start empty) and the
 * environment of a Custodian that trusts the realm {@code custodian} of a running {@link Keycloak} and maps its
 * groups just in time. Each test adds the settings it is about.
 */
final class SingleSignOnSetup {

    private SingleSignOnSetup() {
    }

    /** A new, empty database on the tests' PostgreSQL; its name starts with {@code prefix}. */
    static String newDatabase(String prefix) throws Exception {
        String database = prefix + "_" + Long.toHexString(System.nanoTime());
        try (Connection sql = EmbeddedPostgresSession.connect(); Statement statement = sql.createStatement()) {
            statement.execute("create database " + database);
        }
        return database;
    }

    static String url(String database) {
        return "jdbc:postgresql://localhost:" + System.getProperty("custodian.it.db.port") + "/" + database;
    }

    static Map<String, String> environment(Keycloak keycloak, Path work, String database) {
        Map<String, String> environment = new HashMap<>();
        environment.put("CUSTODIAN_DB_URL", url(database));
        environment.put("CUSTODIAN_DB_USER", "postgres");
        environment.put("CUSTODIAN_DB_PASSWORD", "postgres");
        environment.put("CUSTODIAN_DATA_DIR", work.resolve("data-" + UUID.randomUUID()).toString());
        environment.put("CUSTODIAN_DEMO_SEED", "true");
        environment.put("CUSTODIAN_AUTH_API_SECOND_FACTOR", "when-enrolled");
        environment.put("CUSTODIAN_BACKUP_TARGET_PRIMARY_PATH", work.resolve("backups").toString());
        environment.put("CUSTODIAN_OIDC_ISSUER", keycloak.issuer(Keycloak.REALM));
        environment.put("CUSTODIAN_OIDC_CLIENT_ID", Keycloak.CLIENT_ID);
        environment.put("CUSTODIAN_OIDC_PROVISIONING", "just-in-time");
        environment.put("CUSTODIAN_OIDC_GROUP_MAP",
                "custodian-agents-eu=AGENT+region:EU,custodian-privacy=PRIVACY_OFFICER");
        return environment;
    }
}
