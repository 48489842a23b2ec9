package com.alpha01.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 requests sent from another loopback address than 127.0.0.1 (Linux answers on all of
 * 127.0.0.0/8), so that a test can be a second caller the server tells apart by address. The JDK 17
 * HttpClient cannot choose its local address; one plain socket per request, {@code Connection: close}.
 */
final class FromAddress {

    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final InetAddress local;
    private final java.net.URI server;

    /** To the server under test, over HTTPS. */
    FromAddress(String localAddress) throws IOException {
        this(localAddress, TestEnvironment.serverUri());
    }

    /** To {@code server} ({@link TestEnvironment#plainServerUri()} for plain HTTP). */
    FromAddress(String localAddress, java.net.URI server) throws IOException {
        this.local = InetAddress.getByName(localAddress);
        this.server = server;
    }

    Answer get(String pathAndQuery, String... headerLines) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            // The server is on HTTPS: TLS over the socket bound to the chosen address (the JVM trusts the tests' CA).
            Socket tls = "https".equals(server.getScheme())
                    ? ((javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault())
                            .createSocket(socket, server.getHost(), server.getPort(), true)
                    : socket;
            StringBuilder request = new StringBuilder("GET ").append(pathAndQuery).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(server.getHost()).append(':').append(server.getPort()).append("\r\n")
                    .append("Connection: close\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            OutputStream out = tls.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return parse(tls.getInputStream());
        }
    }

    private static Answer parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] head = (end < 0 ? text : text.substring(0, end)).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            if (colon > 0) {
                headers.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
            }
        }
        return new Answer(status, headers, end < 0 ? "" : text.substring(end + 4));
    }
}
