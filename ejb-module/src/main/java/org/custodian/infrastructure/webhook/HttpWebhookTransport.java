package org.custodian.infrastructure.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.custodian.application.webhook.WebhookTargets;
import org.custodian.application.webhook.WebhookTransport;

/**
 * One HTTP/1.1 POST per attempt over a socket of its own, to an address the SSRF check passed (pinned: the name is
 * not looked up again, see {@link WebhookTransport}); the host name goes in {@code Host}, and for https in SNI and
 * the certificate's host name check (JSSE's "HTTPS" endpoint identification, the platform's trust store). Only the
 * status line of the answer is read; redirects are never followed. The JDK's HttpClient cannot be given the
 * address to connect to, nor a {@code Host} header of its own.
 */
@ApplicationScoped
public class HttpWebhookTransport implements WebhookTransport {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_STATUS_LINE = 1024;

    @Override
    public int post(WebhookTargets.Checked target, Map<String, String> headers, String body, Duration timeout)
            throws IOException {
        URI uri = target.uri();
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        IOException last = new IOException("no address to connect to");
        for (InetAddress address : target.addresses()) {
            Socket socket;
            try {
                socket = connect(address, port, timeout);
            } catch (IOException e) {
                last = e; // the next checked address, as a client tries each address of a name
                continue;
            }
            try (Socket open = tls ? tls(socket, host, port) : socket) {
                send(open.getOutputStream(), uri, port, tls, headers, content);
                return status(new BufferedInputStream(open.getInputStream(), 256));
            }
        }
        throw last;
    }

    private static Socket connect(InetAddress address, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), (int) CONNECT_TIMEOUT.toMillis());
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static SSLSocket tls(Socket plain, String host, int port) throws IOException {
        SSLSocket socket = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host,
                port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isLiteral(host)) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static void send(OutputStream out, URI uri, int port, boolean tls, Map<String, String> headers,
            byte[] content) throws IOException {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        boolean defaultPort = port == (tls ? 443 : 80);
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(defaultPort ? "" : ":" + port).append("\r\n")
                .append("User-Agent: Custodian-Webhooks/1\r\n")
                .append("Content-Length: ").append(content.length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> {
            if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                    || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a header with a line break: " + name);
            }
            head.append(name).append(": ").append(value).append("\r\n");
        });
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.flush();
    }

    /** The status code of the answer's status line ({@code HTTP/1.1 204 No Content}); the rest is not read. */
    private static int status(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (line.size() >= MAX_STATUS_LINE) {
                throw new IOException("the answer's status line is too long");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1).trim();
        String[] parts = text.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[1-5][0-9][0-9]")) {
            throw new IOException("not an HTTP/1.x answer: " + (text.length() > 80 ? text.substring(0, 80) : text));
        }
        return Integer.parseInt(parts[1]);
    }
}
