package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Two or more runnable jars over one database of their own on the run's embedded PostgreSQL (#26), as an operator
 * runs a cluster: the same jar and settings on each, a node name each, one data directory they share (the signing
 * keys in it are the cluster's). Nodes start one after the other so that the first one migrates the new database.
 */
final class ClusterNodes {

    static final Duration BOOT = Duration.ofMinutes(8);

    private final Path work;
    private final String database;
    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, RunnableServer> started = new java.util.LinkedHashMap<>();

    /** Closing it writes every node's console to the work directory ({@code <name>.log}), for a failure's reader. */
    interface Consoles extends AutoCloseable {
        @Override
        void close() throws java.io.IOException;
    }

    private ClusterNodes(Path work, String database) {
        this.work = work;
        this.database = database;
    }

    /** A new database named {@code prefix_...} and the settings every node gets; {@code extra} on top. */
    static ClusterNodes create(String prefix, Map<String, String> extra) throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("custodian.it.workdir"), prefix));
        String database = prefix + "_" + Long.toHexString(System.nanoTime());
        try (Connection sql = EmbeddedPostgresSession.connect(); Statement statement = sql.createStatement()) {
            statement.execute("create database " + database);
        }
        ClusterNodes nodes = new ClusterNodes(work, database);
        Map<String, String> environment = nodes.environment;
        environment.put("CUSTODIAN_DB_URL", "jdbc:postgresql://localhost:" + System.getProperty("custodian.it.db.port")
                + "/" + database);
        environment.put("CUSTODIAN_DB_USER", "postgres");
        environment.put("CUSTODIAN_DB_PASSWORD", "postgres");
        environment.put("CUSTODIAN_DATA_DIR", work.resolve("data-" + database).toString());
        environment.put("CUSTODIAN_DEMO_SEED", "true");
        environment.put("CUSTODIAN_DEMO_PASSWORD", Api.DEMO_PASSWORD);
        environment.put("CUSTODIAN_AUTH_API_SECOND_FACTOR", "when-enrolled");
        environment.put("CUSTODIAN_BACKUP_TARGET_PRIMARY_PATH", work.resolve("backups-" + database).toString());
        environment.putAll(extra);
        return nodes;
    }

    /** Starts the node {@code name} and waits until it is ready. */
    RunnableServer start(String name) throws Exception {
        Map<String, String> own = new HashMap<>(environment);
        own.put("CUSTODIAN_CLUSTER_NODE_NAME", name);
        RunnableServer server = RunnableServer.start(work, own);
        started.put(name, server);
        assertTrue(server.awaitLine(line -> line.contains(" ready in "), BOOT), () -> name + " did not start: "
                + server.tail());
        return server;
    }

    Consoles consoles() {
        return () -> {
            for (Map.Entry<String, RunnableServer> node : started.entrySet()) {
                Files.write(work.resolve(database + "-" + node.getKey() + ".log"), node.getValue().console());
            }
        };
    }

    String database() {
        return database;
    }

    /** Changes data under the nodes (time passing, say). */
    void update(String sql) throws Exception {
        try (Connection connection = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:"
                + System.getProperty("custodian.it.db.port") + "/" + database, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    /** The one number {@code query} answers on the cluster's database. */
    long count(String query) throws Exception {
        return RunnableServer.count(database, query);
    }
}
