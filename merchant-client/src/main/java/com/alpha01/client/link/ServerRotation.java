package com.alpha01.client.link;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The {@code /ws/client} addresses of the servers the link may use, for one client: the first is
 * used while it answers, and after a failed attempt the next one is tried (round robin), for a
 * cluster reached without a load balancer.
 */
final class ServerRotation {

    private final List<URI> socketUris;
    private volatile int current;

    ServerRotation(List<URI> serverUrls, UUID clientId) {
        if (serverUrls.isEmpty()) {
            throw new IllegalArgumentException("no server URL");
        }
        this.socketUris = serverUrls.stream().map(url -> URI.create(url.toString().replaceFirst("^http", "ws")
                .replaceAll("/$", "") + "/ws/client?client_id=" + clientId)).toList();
    }

    /** The socket address to try now. */
    URI socket() {
        return socketUris.get(current);
    }

    /** The server (its http(s) URL) used or tried now. */
    URI server() {
        return URI.create(socket().toString().replaceFirst("^ws", "http").replaceFirst("/ws/client\\?.*$", ""));
    }

    /** The attempt on the current server failed: the next one, if there are several. */
    void next() {
        current = (current + 1) % socketUris.size();
    }
}
