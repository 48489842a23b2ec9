package com.alpha01.client.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServerRotationTest {

    private static final UUID CLIENT = UUID.fromString("4b0e8d7a-0000-4000-8000-0000000000f1");

    @Test
    void the_nodes_are_tried_in_turn_and_each_socket_address_names_the_client() {
        ServerRotation servers = new ServerRotation(List.of(URI.create("http://a.example:8080/"),
                URI.create("https://b.example")), CLIENT);

        assertEquals(URI.create("ws://a.example:8080/ws/client?client_id=" + CLIENT), servers.socket());
        assertEquals(URI.create("http://a.example:8080"), servers.server());
        servers.next();
        assertEquals(URI.create("wss://b.example/ws/client?client_id=" + CLIENT), servers.socket());
        assertEquals(URI.create("https://b.example"), servers.server());
        servers.next();
        assertEquals(URI.create("http://a.example:8080"), servers.server(), "back to the first");
    }

    @Test
    void a_link_needs_a_server() {
        assertThrows(IllegalArgumentException.class, () -> new ServerRotation(List.of(), CLIENT));
    }
}
