package com.alpha01.client.app;

import com.alpha01.client.link.LinkState;
import com.alpha01.protocol.Frame;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the UI shows, kept on the Java side so that a reloaded page can ask for all of it again
 * ({@code ready}). Events are built here too, so that live updates and the snapshot agree.
 */
final class UiState {

    private static final int KEEP_PER_CONVERSATION = 200;

    private final Map<String, Conversation> conversations = new LinkedHashMap<>();
    private JsonObject status = Json.createObjectBuilder().add("state", "connecting").build();
    private JsonObject qr;

    private static final class Conversation {
        String customer = "";
        String state = "BOT";
        Instant updatedAt = Instant.now();
        final List<JsonObject> messages = new ArrayList<>();
    }

    synchronized JsonObject status(LinkState link, String server, String merchant, String staff, String clientId) {
        status = Json.createObjectBuilder()
                .add("state", switch (link) {
                    case ONLINE -> "online";
                    case CONNECTING -> "connecting";
                    case OFFLINE -> "offline";
                    case CLOSED -> "signed-out";
                })
                .add("server", server).add("merchantName", merchant).add("staffName", staff)
                .add("clientId", clientId).build();
        return status;
    }

    synchronized JsonObject qr(String url, String pngDataUri) {
        qr = Json.createObjectBuilder().add("url", url).add("png", pngDataUri).build();
        return qr;
    }

    /** Records a message; returns the conversation event to emit first when the conversation is new. */
    synchronized JsonObject message(Frame.Message m, JsonObject[] messageEvent) {
        Conversation c = conversations.computeIfAbsent(m.conversationId(), k -> new Conversation());
        boolean fresh = c.messages.isEmpty();
        if (m.customer() != null) {
            c.customer = m.customer();
        }
        c.updatedAt = m.at();
        JsonObject event = Json.createObjectBuilder().add("conversationId", m.conversationId()).add("seq", m.seq())
                .add("sender", m.sender().name()).add("text", m.text()).add("at", m.at().toString()).build();
        c.messages.add(event);
        if (c.messages.size() > KEEP_PER_CONVERSATION) {
            c.messages.remove(0);
        }
        messageEvent[0] = event;
        return fresh || m.customer() != null ? conversationEvent(m.conversationId(), c) : null;
    }

    /** A conversation's state changed; returns the conversation event to emit. */
    synchronized JsonObject state(Frame.State st) {
        Conversation c = conversations.computeIfAbsent(st.conversationId(), k -> new Conversation());
        c.state = st.state();
        c.updatedAt = Instant.now();
        return conversationEvent(st.conversationId(), c);
    }

    synchronized JsonObject snapshot() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        conversations.forEach((id, c) -> {
            JsonArrayBuilder messages = Json.createArrayBuilder();
            c.messages.forEach(messages::add);
            list.add(Json.createObjectBuilder(conversationEvent(id, c)).add("messages", messages));
        });
        var snapshot = Json.createObjectBuilder().add("status", status).add("conversations", list);
        if (qr != null) {
            snapshot.add("qr", qr);
        } else {
            snapshot.addNull("qr");
        }
        return snapshot.build();
    }

    private static JsonObject conversationEvent(String id, Conversation c) {
        return Json.createObjectBuilder().add("conversationId", id).add("customer", c.customer)
                .add("state", c.state).add("updatedAt", c.updatedAt.toString()).build();
    }
}
