package io.github.pcqualification.adapter.fake.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Test support: raw loopback connections that send exactly the bytes a test writes, for what a client library won't. */
final class RawConnections {

    private RawConnections() {}

    /** Connects to {@code port} on loopback and sends {@code text}, leaving the connection open. */
    static Socket open(int port, String text) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(3000);
        send(socket, text);
        return socket;
    }

    static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /**
     * Everything the server sends until it closes the connection.
     *
     * @throws AssertionError if the connection is still open after {@code timeout}
     */
    static String readUntilClosed(Socket socket, Duration timeout) throws IOException {
        socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the connection is still open after " + timeout + "; received: " + all, stillOpen);
        } catch (SocketException reset) {
            // closed by the server with data unread: as good as an orderly close
        }
        return all.toString(StandardCharsets.US_ASCII);
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // best effort
        }
    }
}
