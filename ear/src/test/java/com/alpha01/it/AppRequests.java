package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.bridge.BridgeReply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Requests to the real merchant app as its page makes them (through its bridge), for a test driving it. */
final class AppRequests {

    private final Bridge bridge;

    AppRequests(Bridge bridge) {
        this.bridge = bridge;
    }

    /** Sends request {@code type}; its result, or the test fails with the app's error. */
    JsonObject ok(String type, JsonObjectBuilder payload) {
        BridgeReply reply = bridge.dispatch(Json.createObjectBuilder().add("type", type).add("payload", payload)
                .build().toString());
        assertTrue(reply.ok(), () -> type + " failed: " + reply.code() + " " + reply.message());
        return reply.result();
    }
}
