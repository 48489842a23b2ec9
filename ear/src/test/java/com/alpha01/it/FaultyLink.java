package com.alpha01.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on 127.0.0.1 between a merchant client and the server, for network faults without root
 * or a network namespace: {@link #drop()} cuts every connection at once, {@link #stall()} holds the
 * bytes of the connections open now (packets held, not refused: neither side hears a thing),
 * {@link #latency(long)} delays every chunk. New connections after a drop or a stall pass normally.
 */
final class FaultyLink implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final String scheme;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Socket> stalled = new CopyOnWriteArrayList<>();
    private volatile long latencyMillis;
    private volatile boolean closed;

    FaultyLink(URI server) throws IOException {
        this.scheme = server.getScheme();
        this.target = new InetSocketAddress(server.getHost(), server.getPort());
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "faulty-link-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** The server's base URI through this proxy. */
    URI uri() {
        // Bytes pass through as they are: TLS ends at the server, whose certificate names 127.0.0.1 too.
        return URI.create(scheme + "://127.0.0.1:" + listener.getLocalPort());
    }

    /** Every open connection is cut (RST), as when a router reboots. */
    void drop() {
        for (Socket s : open) {
            try {
                s.setSoLinger(true, 0);
                s.close();
            } catch (IOException e) {
                // gone already
            }
        }
    }

    /** The connections open now stop passing bytes, both ways, without closing. */
    void stall() {
        stalled.addAll(open);
    }

    void latency(long millis) {
        latencyMillis = millis;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                try {
                    server.connect(target, 10_000);
                } catch (IOException e) {
                    closeQuietly(client); // the server is down: refused, as it would be without the proxy
                    closeQuietly(server);
                    continue;
                }
                open.add(client);
                open.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    while (stalled.contains(from) && !closed) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // holding the packets
                    }
                    long delay = latencyMillis;
                    if (delay > 0) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(delay));
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: the other follows
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "faulty-link-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closed already
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        drop();
    }
}
