package org.custodian.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * The SIEM collector the IT server forwards its audit trail to (CUSTODIAN_SIEM_PORT): down until a test opens
 * it, so delivery meets a dead collector first. Takes one TCP connection after another and hands each one's bytes
 * to the test; closing it takes the collector down again.
 */
public final class SiemCollector implements AutoCloseable {

    private final ServerSocket socket;

    private SiemCollector(ServerSocket socket) {
        this.socket = socket;
    }

    public static SiemCollector open(Consumer<byte[]> connection) throws IOException {
        int port = Integer.parseInt(System.getProperty("custodian.it.siem.port"));
        SiemCollector collector = new SiemCollector(new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1")));
        Thread reader = new Thread(() -> collector.accept(connection), "it-siem-collector");
        reader.setDaemon(true);
        reader.start();
        return collector;
    }

    private void accept(Consumer<byte[]> connection) {
        while (!socket.isClosed()) {
            try (Socket accepted = socket.accept()) {
                connection.accept(accepted.getInputStream().readAllBytes());
            } catch (IOException closed) {
                // closed at the end of the test
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
