package org.nslab.gateway.upstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A TCP port on the loopback that accepts connections (the kernel completes them into the backlog) and never answers:
 * a service that hangs. Lives for the test JVM.
 */
final class SilentServer {

    private static ServerSocket socket;

    private SilentServer() {
    }

    static synchronized String url() {
        if (socket == null) {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "http://127.0.0.1:" + socket.getLocalPort();
    }
}
