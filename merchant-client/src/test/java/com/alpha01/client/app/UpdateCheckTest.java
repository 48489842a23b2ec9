package com.alpha01.client.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UpdateCheckTest {

    @Test
    void versions_compare_numerically_and_snapshots_sort_before_their_release() {
        assertTrue(UpdateCheck.compare("0.10.0", "0.9.1") > 0);
        assertTrue(UpdateCheck.compare("1.0", "1.0.1") < 0);
        assertEquals(0, UpdateCheck.compare("1.0", "1.0.0"));
        assertTrue(UpdateCheck.compare("0.1.0-SNAPSHOT", "0.1.0") < 0);
        assertTrue(UpdateCheck.compare("0.2.0", "0.1.0-SNAPSHOT") > 0);
    }

    @Test
    void the_published_release_decides_available_and_required_and_a_dead_server_is_not_an_error() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/client-release", exchange -> {
            byte[] body = "{\"latest\":\"0.3.0\",\"minimum\":\"0.2.0\",\"downloadUrl\":\"https://dl.example/a.deb\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            UpdateCheck.Result old = new UpdateCheck().check(uri, "0.1.0");
            assertTrue(old.checked() && old.available() && old.required());
            assertEquals("0.3.0", old.latest());
            UpdateCheck.Result current = new UpdateCheck().check(uri, "0.3.0");
            assertTrue(current.checked());
            assertFalse(current.available() || current.required());
        } finally {
            server.stop(0);
        }
        UpdateCheck.Result unreachable = new UpdateCheck().check(URI.create("http://127.0.0.1:9"), "0.1.0");
        assertFalse(unreachable.checked() || unreachable.available());
    }
}
