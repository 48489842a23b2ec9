package com.alpha01.client.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.protocol.release.ReleaseTarget;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReleaseCheckTest {

    @Test
    void the_published_release_decides_available_required_and_offered_and_a_dead_server_is_not_an_error()
            throws Exception {
        AtomicReference<String> asked = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/client-release", exchange -> {
            asked.set(exchange.getRequestURI().getRawQuery());
            byte[] body = ("{\"target\":\"linux-app-image\",\"latest\":\"0.3.0\",\"minimum\":\"0.2.0\",\"offered\":true,"
                    + "\"notes\":\"n\",\"package\":{\"url\":\"https://dl.example/a.tar.gz\",\"size\":10,"
                    + "\"sha256\":\"ab\",\"signature\":\"s\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            Release old = new ReleaseCheck().check(uri, "0.1.0", ReleaseTarget.LINUX_APP_IMAGE, "client 1");
            assertEquals("target=linux-app-image&client=client+1&version=0.1.0", asked.get());
            assertTrue(old.checked() && old.available() && old.required() && old.toFetch());
            assertEquals("0.3.0", old.latest());
            assertEquals(10, old.pkg().size());
            Release current = new ReleaseCheck().check(uri, "0.3.0", ReleaseTarget.LINUX_APP_IMAGE, "c");
            assertTrue(current.checked());
            assertFalse(current.available() || current.required() || current.toFetch());
        } finally {
            server.stop(0);
        }
        Release unreachable = new ReleaseCheck().check(URI.create("http://127.0.0.1:9"), "0.1.0",
                ReleaseTarget.LINUX_DEB, "c");
        assertFalse(unreachable.checked() || unreachable.available());
    }

    @Test
    void a_package_address_that_is_not_http_is_ignored() {
        Release r = ReleaseCheck.read(jakarta.json.Json.createObjectBuilder().add("latest", "1.0.0")
                .add("minimum", "0.1.0").add("offered", true).add("package", jakarta.json.Json.createObjectBuilder()
                        .add("url", "file:///etc/shadow").add("size", 1)).build(), "0.1.0", ReleaseTarget.LINUX_DEB);
        assertNull(r.pkg());
        assertFalse(r.toFetch());
    }
}
