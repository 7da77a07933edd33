package org.custodian.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;

/**
 * The load balancer of the failover test (#26), as small as one can be: every connection the browser opens is
 * forwarded, byte for byte, to the node it points at now; {@link #pointAt} moves new connections to another node.
 * The browser keeps one origin (so its cookies, forms and content security policy stay as they were), which a
 * switch of base URL between two ports would not give.
 */
final class FailoverProxy implements AutoCloseable {

    private final ServerSocket listener;
    private volatile int target;

    FailoverProxy(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "failover-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URL url() throws IOException {
        return new URL("http://localhost:" + listener.getLocalPort() + "/");
    }

    void pointAt(int port) {
        target = port;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream;
                try {
                    upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                } catch (IOException down) {
                    client.close(); // the node is gone: the browser sees a refused connection, as behind a balancer
                    continue;
                }
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                // closed
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread copier = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        }, "failover-proxy-pipe");
        copier.setDaemon(true);
        copier.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
