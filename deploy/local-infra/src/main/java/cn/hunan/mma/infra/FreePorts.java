package cn.hunan.mma.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports the operating system reports free on loopback. They are released before the server binds
 * them, so another process may win the race; the launchers retry on a bind failure.
 */
final class FreePorts {

    private FreePorts() {
    }

    /** Distinct ports: all sockets are held open together until every port is known. */
    static int[] pick(int count) {
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        } finally {
            sockets.forEach(FreePorts::closeQuietly);
        }
    }

    static int pick() {
        return pick(1)[0];
    }

    /** Whether a server's log says it lost the race for its port. */
    static boolean lostPortRace(String log) {
        return log.contains("Address already in use") || log.contains("could not bind");
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing to do: the port is free again either way.
        }
    }
}
