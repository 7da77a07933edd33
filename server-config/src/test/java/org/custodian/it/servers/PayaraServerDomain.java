package org.custodian.it.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes the Payara Server domain of the server suite as docs/deploy.md tells an administrator to: a new domain, the
 * PostgreSQL driver into its lib, {@code src/main/payara-server/domain-setup.asadmin} run by {@code asadmin
 * multimode}, and the stop that makes it all take effect. Then Arquillian's managed adapter starts it and deploys
 * the EAR. The one thing only the tests add is the published development keys (as JVM options, from the same
 * properties file the Payara Micro suite passes with --systemproperties); everything else reaches the server as the
 * CUSTODIAN_* environment failsafe sets, inherited through asadmin. Only when failsafe names a Payara Server home.
 */
public class PayaraServerDomain implements LauncherSessionListener {

    static final String DOMAIN = "custodian";

    private Path asadmin;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String home = System.getProperty("custodian.it.payara.home");
        if (home == null || asadmin != null) {
            return;
        }
        asadmin = Path.of(home, "bin", "asadmin");
        int portbase = Integer.parseInt(System.getProperty("custodian.it.payara.portbase", "28000"));
        String adminPort = String.valueOf(portbase + 48);
        System.setProperty("custodian.it.payara.adminport", adminPort);
        System.setProperty("custodian.it.server.url", "http://localhost:" + (portbase + 80) + "/");
        Path domainDir = Path.of(home, "glassfish", "domains", DOMAIN);
        long began = System.nanoTime();
        try {
            if (Files.exists(domainDir)) {
                asadmin(false, "stop-domain", DOMAIN); // left running by an interrupted run
                delete(domainDir);
            }
            asadmin(true, "create-domain", "--nopassword=true", "--portbase", String.valueOf(portbase), DOMAIN);
            asadmin(true, "start-domain", DOMAIN);
            try {
                asadmin(true, "--port", adminPort, "add-library", System.getProperty("custodian.it.serverlibs"));
                multimode(adminPort, Path.of(System.getProperty("custodian.it.payara.setup")));
                multimode(adminPort, developmentKeys());
            } finally {
                asadmin(true, "stop-domain", DOMAIN);
            }
            System.out.println("Payara Server domain " + DOMAIN + " made and configured in "
                    + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began) + " s");
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the Payara Server domain", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (asadmin != null) {
            // normally Arquillian stopped it already; never leave a server behind
            asadmin(false, "stop-domain", DOMAIN);
        }
    }

    /** The development keys as JVM options: create-system-properties refuses some base64 values ("=" in value). */
    private static Path developmentKeys() throws IOException {
        Properties keys = new Properties();
        try (var in = Files.newBufferedReader(Path.of(System.getProperty("custodian.it.devprops")))) {
            keys.load(in);
        }
        List<String> commands = new ArrayList<>();
        for (String name : new TreeSet<>(keys.stringPropertyNames())) {
            String value = keys.getProperty(name).replace("\\", "\\\\").replace(":", "\\:");
            commands.add("create-jvm-options -D" + name + "=" + value);
        }
        Path file = Path.of(System.getProperty("custodian.it.workdir"), "development-keys.asadmin");
        Files.createDirectories(file.getParent());
        return Files.write(file, commands, StandardCharsets.UTF_8);
    }

    /** asadmin multimode answers "executed successfully" even when a command in the file failed: read its output. */
    private void multimode(String adminPort, Path file) {
        String output = asadmin(true, "--port", adminPort, "multimode", "--file", file.toString());
        for (String line : output.split("\\R")) {
            if (line.startsWith("Command ") && line.endsWith(" failed.")) {
                throw new IllegalStateException("asadmin multimode --file " + file + ": " + line + "\n" + output);
            }
        }
    }

    private String asadmin(boolean required, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(asadmin.toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            // keys never reach the log: the output is printed for the commands that do not carry them
            System.out.println("asadmin " + String.join(" ", arguments).replaceAll(" -D[^ ]*", "") + ": " + (output.length() > 2000 ? "(long output)" : output));
            if (required && process.exitValue() != 0) {
                throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
