package org.custodian.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The runnable jar as an operator starts it ({@code java -jar custodian-micro.jar}), in its own process, with only
 * the environment given here (none of the test JVM's CUSTODIAN_* settings), its console kept for assertions.
 */
final class RunnableServer implements AutoCloseable {

    private final Process process;
    private final List<String> console = new ArrayList<>();
    private final int port;

    private RunnableServer(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (console) {
                        console.add(line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    static RunnableServer start(Path workingDirectory, Map<String, String> environment) throws IOException {
        return start(workingDirectory, environment, List.of("--nocluster"));
    }

    /** Started with {@code options} after the port: {@code --nocluster}, or a data grid's (#26, {@link DataGrid}). */
    static RunnableServer start(Path workingDirectory, Map<String, String> environment, List<String> options)
            throws IOException {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-jar",
                System.getProperty("custodian.it.runnable"), "--port", String.valueOf(port)));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("CUSTODIAN_") || name.startsWith("MP_"));
        builder.environment().putAll(environment);
        return new RunnableServer(builder.start(), port);
    }

    /**
     * The settings of a demo installation on a new database {@code database} of the run's embedded PostgreSQL, its
     * data directory under {@code work} (named after the database: nodes given the same settings share it).
     */
    static Map<String, String> demoOnOwnDatabase(Path work, String database) throws java.sql.SQLException {
        String server = "jdbc:postgresql://localhost:" + System.getProperty("custodian.it.db.port") + "/";
        try (java.sql.Connection sql = EmbeddedPostgresSession.connect();
                java.sql.Statement statement = sql.createStatement()) {
            statement.execute("create database " + database);
        }
        Map<String, String> environment = new java.util.HashMap<>();
        environment.put("CUSTODIAN_DB_URL", server + database);
        environment.put("CUSTODIAN_DB_USER", "postgres");
        environment.put("CUSTODIAN_DB_PASSWORD", "postgres");
        environment.put("CUSTODIAN_DATA_DIR", work.resolve("data-" + database).toString());
        environment.put("CUSTODIAN_DEMO_SEED", "true");
        environment.put("CUSTODIAN_DEMO_PASSWORD", Api.DEMO_PASSWORD);
        environment.put("CUSTODIAN_AUTH_API_SECOND_FACTOR", "when-enrolled");
        environment.put("CUSTODIAN_BACKUP_TARGET_PRIMARY_PATH", work.resolve("backups-" + database).toString());
        return environment;
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    /** kill -9: no shutdown hook, no undeploy, nothing handed over (the node's lease is left to expire). */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    URL url() throws IOException {
        return new URL("http://localhost:" + port + "/");
    }

    /** Waits until a console line matches; false if the process ended or time ran out first. */
    boolean awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            synchronized (console) {
                if (console.stream().anyMatch(wanted)) {
                    return true;
                }
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** The last 40 lines of the console, for a failure's message. */
    String tail() {
        List<String> lines = console();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** The one number {@code query} answers on {@code database} of the run's embedded PostgreSQL. */
    static long count(String database, String query) throws java.sql.SQLException {
        String url = "jdbc:postgresql://localhost:" + System.getProperty("custodian.it.db.port") + "/" + database;
        try (java.sql.Connection sql = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
                java.sql.Statement statement = sql.createStatement();
                java.sql.ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    List<String> console() {
        synchronized (console) {
            return List.copyOf(console);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
