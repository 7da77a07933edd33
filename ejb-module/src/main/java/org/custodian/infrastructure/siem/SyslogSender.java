package org.custodian.infrastructure.siem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.custodian.application.audit.siem.SiemTransport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Writes syslog messages to the collector over TCP with RFC 6587 octet-counting framing ("LEN SP MSG"), over TLS
 * when {@code custodian.siem.tls} is true (the JVM's trust store decides which collectors are trusted). A batch
 * counts as sent once it was written and flushed; the caller moves the delivery position only then.
 *
 * <p>Fault tolerance: a batch that takes longer than 15 s is abandoned; failures are retried twice with a
 * growing pause; after repeated failures the circuit opens for 10 s so a dead collector is not hammered; one
 * batch at a time.
 */
@ApplicationScoped
public class SyslogSender implements SiemTransport {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    @Inject
    @ConfigProperty(name = "custodian.siem.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "custodian.siem.port", defaultValue = "514")
    int port;

    @Inject
    @ConfigProperty(name = "custodian.siem.tls", defaultValue = "false")
    boolean tls;

    @Override
    public boolean isConfigured() {
        return host.filter(name -> !name.isBlank()).isPresent();
    }

    @Override
    public String target() {
        return isConfigured() ? (tls ? "tls://" : "tcp://") + host.get().trim() + ":" + port : "none";
    }

    @Override
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, jitter = 200, abortOn = IllegalStateException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Bulkhead(1)
    public void send(List<String> messages) throws IOException {
        if (!isConfigured()) {
            throw new IllegalStateException("no SIEM collector configured (custodian.siem.host)");
        }
        try (Socket socket = open()) {
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            for (String message : messages) {
                byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
                out.write((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
            }
            out.flush();
            // a clean close: the collector has read what it will read before we count the batch as sent
            socket.shutdownOutput();
        }
    }

    private Socket open() throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(host.get().trim(), port), CONNECT_TIMEOUT_MILLIS);
        if (!tls) {
            return plain;
        }
        SSLSocket secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(plain, host.get().trim(), port, true);
        secure.startHandshake();
        return secure;
    }
}
