import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.custodian.infrastructure.backup.OpenPgpKeyGenerator;
import sun.misc.Signal;

/**
 * The one-command demo ({@code ./mvnw -Prun}, run from the repository root as a single-file program, so it never
 * ends up in the WAR): starts an embedded PostgreSQL whose data stays in {@code ./data/postgres}, runs the runnable
 * Custodian jar against it as a child process, and stops PostgreSQL once the child has ended.
 *
 * <p>Arguments: the runnable jar, then its own arguments. Environment: {@code CUSTODIAN_DB_URL} set means "use
 * that database" (no embedded one starts); {@code CUSTODIAN_DEMO_DB_PORT} moves the embedded one from 15432.
 * {@code CUSTODIAN_BACKUP_TARGET_PRIMARY_PATH} defaults to {@code ./data/backups}; without
 * {@code CUSTODIAN_BACKUP_RECIPIENT_KEYS} backups are encrypted to a demo operator key made in
 * {@code ./data/operator/}. Demo users are seeded ({@code CUSTODIAN_DEMO_SEED}); their password is printed by the
 * server at the first start. The server generates its own keys in {@code ./data/keys} at that start.
 */
public class DemoLauncher {

    private static final int DEFAULT_PORT = 15432;

    private static boolean stopping;

    public static void main(String[] args) throws Exception {
        Path data = Path.of("data").toAbsolutePath();
        Map<String, String> environment = System.getenv();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", args[0]));
        command.addAll(List.of(args).subList(1, args.length));
        ProcessBuilder server = new ProcessBuilder(command).inheritIO();
        Map<String, String> serverEnvironment = server.environment();

        EmbeddedPostgres postgres = null;
        String external = environment.getOrDefault("CUSTODIAN_DB_URL", "");
        if (!external.isBlank()) {
            // the URL may carry a password (?password=…): name the server only
            System.out.println("[demo] using the database of CUSTODIAN_DB_URL ("
                    + external.replaceFirst("[?;].*$", "") + ")");
        } else {
            refuseH2Data(data);
            int port = port(environment.get("CUSTODIAN_DEMO_DB_PORT"));
            Path directory = data.resolve("postgres");
            refuseOtherMajorVersion(directory);
            Files.createDirectories(directory);
            try {
                // durable, unlike the library's test defaults (fsync and synchronous commits off): this data is kept
                postgres = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                        .setPort(port)
                        // recovery after a run that was killed can take longer than the library's 10 s
                        .setPGStartupWait(Duration.ofSeconds(60)).start();
            } catch (IOException | RuntimeException e) {
                fail("the embedded PostgreSQL did not start on port " + port + " (" + e.getMessage()
                        + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()) + "). Is another demo"
                        + " running on " + directory + "? If its files are damaged, delete them (demo data only).");
            }
            String url = "jdbc:postgresql://localhost:" + port + "/postgres";
            serverEnvironment.put("CUSTODIAN_DB_URL", url);
            serverEnvironment.put("CUSTODIAN_DB_USER", "postgres");
            serverEnvironment.put("CUSTODIAN_DB_PASSWORD", "postgres");
            System.out.println("[demo] embedded PostgreSQL at " + url + " (user postgres), data in " + directory);
        }
        serverEnvironment.putIfAbsent("CUSTODIAN_BACKUP_TARGET_PRIMARY_PATH", data.resolve("backups").toString());
        serverEnvironment.putIfAbsent("CUSTODIAN_DEMO_SEED", "true");
        if (!environment.containsKey("CUSTODIAN_BACKUP_RECIPIENT_KEYS")) {
            operatorKey(data.resolve("operator"), serverEnvironment);
        }
        System.out.println("[demo] backups go to " + serverEnvironment.get("CUSTODIAN_BACKUP_TARGET_PRIMARY_PATH"));

        Process custodian = server.start();
        // Ctrl-C reaches the server from the terminal too, SIGTERM only this process, and Maven stopped by a signal
        // leaves this process behind (exec:exec does not pass signals on). Every way: SIGTERM to the server, wait
        // for it below, then stop PostgreSQL.
        for (String name : List.of("INT", "TERM", "HUP")) {
            Signal.handle(new Signal(name), signal -> stop(custodian));
        }
        ProcessHandle.current().parent().ifPresent(maven -> maven.onExit().thenRun(() -> stop(custodian)));
        int exit = custodian.waitFor();
        if (postgres != null) {
            postgres.close();
            System.out.println("[demo] embedded PostgreSQL stopped; its data stays in " + data.resolve("postgres"));
        }
        System.exit(exit);
    }

    /**
     * The demo operator's OpenPGP key pair in {@code ./data/operator/}, made at the first run: backups are encrypted
     * to its public key. Its secret key is handed to the server as the decryption key too, so that restores work in
     * the demo; a production server never holds an operator's secret key (docs/backup-format.md).
     */
    private static void operatorKey(Path directory, Map<String, String> serverEnvironment) throws IOException {
        Path publicKey = directory.resolve("operator-public.asc");
        Path secretKey = directory.resolve("operator-secret.asc");
        if (!Files.isRegularFile(publicKey) || !Files.isRegularFile(secretKey)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            OpenPgpKeyGenerator.GeneratedKey key = OpenPgpKeyGenerator.signingAndEncryptionKey(
                    "Custodian demo operator <operator@custodian.invalid>");
            Files.writeString(secretKey, key.armoredSecretKey());
            Files.setPosixFilePermissions(secretKey, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(publicKey, key.armoredPublicKey());
            Files.writeString(directory.resolve("fingerprint"), key.fingerprint() + "\n");
            System.out.println("[demo] made the demo operator's OpenPGP key pair in " + directory + ", fingerprint "
                    + key.fingerprint() + ". Backups are encrypted to it. To read a backup set with gpg:\n"
                    + "         gpg --import " + secretKey + "\n"
                    + "         gpg --fingerprint " + key.fingerprint() + "   (compare with the fingerprint above)\n"
                    + "         then follow docs/backup-format.md");
        }
        serverEnvironment.put("CUSTODIAN_BACKUP_RECIPIENT_KEYS", "file:" + publicKey);
        serverEnvironment.putIfAbsent("CUSTODIAN_BACKUP_DECRYPTION_KEY", "file:" + secretKey);
        System.out.println("[demo] backups are encrypted to the demo operator key " + Files.readString(
                directory.resolve("fingerprint")).trim() + " (" + publicKey + ")");
    }

    /** Once, however many ways the stop arrives; a server still up a minute later is killed. */
    private static synchronized void stop(Process custodian) {
        if (!stopping) {
            stopping = true;
            custodian.destroy();
            CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS).execute(custodian::destroyForcibly);
        }
    }

    /**
     * The port, free on loopback: the library takes anything that answers as user postgres for its own server, so a
     * different PostgreSQL already on the port would otherwise receive the demo's schema and data.
     */
    private static int port(String configured) {
        int port = DEFAULT_PORT;
        if (configured != null && !configured.isBlank()) {
            try {
                port = Integer.parseInt(configured.trim());
            } catch (NumberFormatException e) {
                fail("CUSTODIAN_DEMO_DB_PORT must be a port number (1024 to 65535), not '" + configured + "'");
            }
        }
        if (port < 1024 || port > 65535) {
            fail("CUSTODIAN_DEMO_DB_PORT must be a port number (1024 to 65535), not " + port);
        }
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return port;
        } catch (IOException e) {
            fail("port " + port + " is taken (another demo, or another database?). Stop it, or set"
                    + " CUSTODIAN_DEMO_DB_PORT to a free port.");
            return port;
        }
    }

    /** Data files of another PostgreSQL major version do not start with this one's binaries; they are demo data. */
    private static void refuseOtherMajorVersion(Path directory) throws IOException {
        Path version = directory.resolve("PG_VERSION");
        String bundled = System.getProperty("custodian.demo.postgres-major");
        if (bundled != null && Files.isRegularFile(version) && !Files.readString(version).trim().equals(bundled)) {
            fail(directory + " was made by PostgreSQL " + Files.readString(version).trim() + ", and the demo now runs"
                    + " PostgreSQL " + bundled + ". It holds only demo data: delete it (rm -rf " + directory + ") and"
                    + " run ./mvnw -Prun again.");
        }
    }

    /** The H2 version kept its database in ./data; nothing converts it, and it holds only demo data. */
    private static void refuseH2Data(Path data) throws IOException {
        if (!Files.isDirectory(data)) {
            return;
        }
        try (var files = Files.list(data)) {
            if (files.anyMatch(file -> file.getFileName().toString().endsWith(".mv.db"))) {
                fail(data + " holds the H2 database of an earlier Custodian version, which now runs on PostgreSQL."
                        + " It holds only demo data: delete the directory (rm -rf data) and run ./mvnw -Prun again.");
            }
        }
    }

    private static void fail(String message) {
        System.err.println("[demo] " + message);
        System.exit(2);
    }
}
