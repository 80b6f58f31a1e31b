package vn.ocop.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;

/** Small TCP port helpers. */
final class Ports {
    private Ports() {
    }

    /** A port that was free a moment ago on 127.0.0.1. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on 127.0.0.1", e);
        }
    }

    /**
     * Whether something already listens on the port. Binding the wildcard address detects listeners on any local
     * address (services bind 0.0.0.0, the broker 127.0.0.1), while sockets in TIME_WAIT do not count.
     */
    static boolean inUse(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port), 1);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Whether a TCP connection to host:port succeeds within the timeout. */
    static boolean accepts(String host, int port, int timeoutMillis) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a message that names the port, its owner in the stack and what may help. */
    static void requireFree(int port, String purpose) {
        if (inUse(port)) {
            throw new StackException("Port " + port + " (" + purpose + ") is already in use. Another OCOP stack may be"
                    + " running: ./ocop status shows it and ./ocop down stops it; otherwise stop whatever listens on "
                    + port + " (e.g. ss -ltnp 'sport = :" + port + "').");
        }
    }

    /** A configured port must be free now; 0 becomes a free port not handed out to another component. */
    static int pick(int configured, String purpose, Set<Integer> taken) {
        int port;
        if (configured == 0) {
            do {
                port = freePort();
            } while (taken.contains(port));
        } else {
            if (taken.contains(configured)) {
                throw new StackException("Port " + configured + " is configured twice (again for " + purpose + ")");
            }
            requireFree(configured, purpose);
            port = configured;
        }
        taken.add(port);
        return port;
    }
}
