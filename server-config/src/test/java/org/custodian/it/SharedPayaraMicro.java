package org.custodian.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * One Payara Micro with target/ROOT.war deployed, started when the first {@link DeployedWar} class runs and stopped
 * when the test JVM's JUnit run ends (the root context's store closes it), shared by every class after it. It is
 * started as the Arquillian adapter started one per class before (~24 s each): {@code java -jar payara-micro.jar
 * --deploy ROOT.war --nocluster} on a free port with the runnable jar's driver and pre-/post-boot commands and the
 * development keys' properties, inheriting the test JVM's environment (failsafe's CUSTODIAN_* settings). Its console
 * goes to {@code custodian.it.workdir}/payara-micro.log.
 */
final class SharedPayaraMicro implements TestInstancePostProcessor, ExtensionContext.Store.CloseableResource {

    private static final Namespace NAMESPACE = Namespace.create(SharedPayaraMicro.class);
    /** Generous: it is paid once per run, and a machine shared with other builds has taken over four minutes. */
    private static final Duration STARTUP = Duration.ofMinutes(10);

    private final Process process;
    private final URL base;
    private final Thread stopAtExit;

    /** For {@code @ExtendWith}: the instances JUnit makes only set {@code base}; the server is the one in the store. */
    SharedPayaraMicro() {
        this.process = null;
        this.base = null;
        this.stopAtExit = null;
    }

    private SharedPayaraMicro(Process process, URL base) {
        this.process = process;
        this.base = base;
        this.stopAtExit = new Thread(process::destroyForcibly, "stop shared Payara Micro");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        ((DeployedWar) testInstance).base = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedPayaraMicro.class, key -> start(), SharedPayaraMicro.class).base;
    }

    private static SharedPayaraMicro start() {
        try {
            Path log = Files.createDirectories(Path.of(property("custodian.it.workdir"))).resolve("payara-micro.log");
            int port = freePort();
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(List.of(java, "-jar", property("custodian.it.micro"),
                    "--deploy", property("custodian.it.war"), "--port", String.valueOf(port), "--nocluster",
                    "--addlibs", property("custodian.it.serverlibs"),
                    "--prebootcommandfile", property("custodian.it.preboot"),
                    "--postbootcommandfile", property("custodian.it.postboot"),
                    "--systemproperties", property("custodian.it.devprops")))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            SharedPayaraMicro server = new SharedPayaraMicro(process, new URL("http://localhost:" + port + "/"));
            try {
                server.awaitDeployment(log);
            } catch (RuntimeException | Error e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Payara Micro did not start", e);
        }
    }

    /**
     * Waits for Micro's "ready in" line. Micro also reports ready (and "Deployed") when the application failed to
     * load, so that failure is looked for too.
     */
    private void awaitDeployment(Path log) throws IOException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            String console = Files.readString(log, StandardCharsets.UTF_8);
            if (console.contains("Exception while loading the app")) {
                throw new IllegalStateException("ROOT.war failed to deploy; see " + log);
            }
            if (console.contains(" ready in ")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro ended (exit " + process.exitValue() + "); see " + log);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while Payara Micro started", e);
            }
        }
        throw new IllegalStateException("Payara Micro was not ready within " + STARTUP + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set (run the integration tests through failsafe)");
        }
        return value;
    }

    /** Stops Micro as an operator would (its shutdown hook undeploys), forcibly after a minute. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway and finds the process ended
        }
    }
}
