package com.alpha01.client.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The REST API across a cluster's nodes without a load balancer ({@code ALPHA01_SERVER_URL} lists them): a node
 * that cannot be connected to is passed over, the node that answered is asked first afterwards, and a node that
 * answers with an error is not passed over (the request reached a server; sending it elsewhere could do it twice).
 */
class ServerApiTest {

    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    /** A node answering {@code /api/v1/merchant/stats} with {@code status} and its own name; counts its calls. */
    private URI node(int port, String name, int status, AtomicInteger calls) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/api/v1/merchant/stats", exchange -> {
            calls.incrementAndGet();
            byte[] body = (status == 200 ? "{\"node\":\"" + name + "\"}"
                    : "{\"error\":\"UNAVAILABLE\",\"message\":\"the database cannot be reached\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void a_node_refusing_connections_is_passed_over_and_the_one_that_answered_is_asked_first_after() throws Exception {
        int downPort = closedPort();
        AtomicInteger bCalls = new AtomicInteger();
        URI b = node(0, "b", 200, bCalls);
        ServerApi api = new ServerApi(List.of(URI.create("http://127.0.0.1:" + downPort + "/"), b), () -> "token");

        assertEquals("b", api.stats().getString("node"));

        AtomicInteger aCalls = new AtomicInteger();
        node(downPort, "a", 200, aCalls); // node A is back
        assertEquals("b", api.stats().getString("node"), "the node that answered is asked first");
        assertEquals(2, bCalls.get());
        assertEquals(0, aCalls.get());
    }

    @Test
    void an_error_from_a_node_that_answered_is_the_answer_not_a_reason_to_ask_another() throws Exception {
        AtomicInteger aCalls = new AtomicInteger();
        AtomicInteger bCalls = new AtomicInteger();
        ServerApi api = new ServerApi(List.of(node(0, "a", 503, aCalls), node(0, "b", 200, bCalls)), () -> "token");

        ServerApi.ApiException refused = assertThrows(ServerApi.ApiException.class, api::stats);

        assertEquals(503, refused.status());
        assertEquals("UNAVAILABLE", refused.error());
        assertEquals(1, aCalls.get());
        assertEquals(0, bCalls.get());
    }

    @Test
    void when_no_node_can_be_connected_to_the_call_fails_with_each_nodes_reason() throws Exception {
        ServerApi api = new ServerApi(List.of(URI.create("http://127.0.0.1:" + closedPort() + "/"),
                URI.create("http://127.0.0.1:" + closedPort() + "/")), () -> "token");

        IOException failed = assertThrows(IOException.class, api::stats);

        assertTrue(failed instanceof ConnectException, failed.toString());
        assertEquals(1, failed.getSuppressed().length, "the second node's refusal rides along");
    }
}
