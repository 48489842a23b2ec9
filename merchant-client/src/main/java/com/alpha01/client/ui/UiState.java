package com.alpha01.client.ui;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.link.LinkState;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the UI shows, kept on the Java side so that a reloaded page can ask for all of it again
 * ({@code ready}), and so that it can be cached in the encrypted store for offline browsing.
 * Events are built here too, so that live updates, the snapshot and the cache agree.
 */
public final class UiState {

    private static final int KEEP_PER_CONVERSATION = 200;
    private static final int KEEP_CONVERSATIONS = 300;
    /** A customer asking for a person (the local AI issue refines this into its own hand-off). */
    private static final Pattern ASKS_FOR_STAFF = Pattern.compile(
            "人工|真人|转客服|找客服|店员|\\b(human|person|agent|staff)\\b", Pattern.CASE_INSENSITIVE);

    private final Map<String, Conversation> conversations = new LinkedHashMap<>();
    private JsonObject status = JSON.createObjectBuilder().add("state", "connecting").build();
    private JsonObject qr;
    private boolean dirty;

    private static final class Conversation {
        String customer = "";
        String state = "BOT";
        String by = "";
        boolean needsStaff;
        /** The assistant's note for staff on a hand-off ({@code StaffNote} as JSON; empty when none). */
        JsonObject note = JsonValue.EMPTY_JSON_OBJECT;
        /** The customer's rating of the latest closing (0: none) and its comment. */
        int rating;
        String ratingComment = "";
        Instant updatedAt = Instant.EPOCH;
        final List<JsonObject> messages = new ArrayList<>();
    }

    /** What a message changed, for the caller to emit and notify. */
    public record Change(JsonObject message, JsonObject conversation, boolean newConversation, boolean handoffRequest) {
    }

    public synchronized JsonObject status(LinkState link, JsonObjectBuilder details) {
        status = details.add("state", switch (link) {
            case ONLINE -> "online";
            case CONNECTING -> "connecting";
            case OFFLINE -> "offline";
            case CLOSED -> "signed-out";
        }).build();
        return status;
    }

    public synchronized JsonObject status() {
        return status;
    }

    public synchronized JsonObject qr(String url, String pngDataUri) {
        qr = JSON.createObjectBuilder().add("url", url).add("png", pngDataUri).build();
        return qr;
    }

    /** Records a message (each (conversation, seq) once); null when it was already known. */
    public synchronized Change message(Frame.Message m) {
        Conversation c = conversations.get(m.conversationId());
        boolean fresh = c == null;
        if (fresh) {
            c = new Conversation();
            conversations.put(m.conversationId(), c);
            trim();
        }
        if (c.messages.stream().anyMatch(old -> old.getJsonNumber("seq").longValue() == m.seq())) {
            return null;
        }
        if (m.customer() != null) {
            c.customer = m.customer();
        }
        if (m.at().isAfter(c.updatedAt)) {
            c.updatedAt = m.at();
        }
        JsonObjectBuilder event = JSON.createObjectBuilder().add("conversationId", m.conversationId())
                .add("seq", m.seq()).add("sender", m.sender().name()).add("text", m.text()).add("at", m.at().toString());
        if (m.inReplyTo() != null) {
            event.add("inReplyTo", m.inReplyTo());
        }
        if (m.source() != null) {
            event.add("source", m.source()); // what the answer rests on, shown in full on 会话
        }
        JsonObject message = event.build();
        c.messages.add(message);
        c.messages.sort((a, b) -> Long.compare(a.getJsonNumber("seq").longValue(), b.getJsonNumber("seq").longValue()));
        if (c.messages.size() > KEEP_PER_CONVERSATION) {
            c.messages.remove(0);
        }
        boolean handoff = false;
        if (m.sender() == Frame.Sender.CUSTOMER && ASKS_FOR_STAFF.matcher(m.text()).find() && !"HUMAN".equals(c.state)) {
            handoff = !c.needsStaff;
            c.needsStaff = true;
        } else if (m.sender() == Frame.Sender.STAFF) {
            c.needsStaff = false;
            c.note = JsonValue.EMPTY_JSON_OBJECT;
        }
        dirty = true;
        return new Change(message, conversationEvent(m.conversationId(), c), fresh, handoff);
    }

    /** A conversation's state changed; returns the conversation event to emit. */
    public synchronized JsonObject state(Frame.State st) {
        Conversation c = conversations.computeIfAbsent(st.conversationId(), k -> new Conversation());
        c.state = st.state();
        c.by = st.by() == null ? "" : st.by();
        if ("HUMAN".equals(c.state) || "CLOSED".equals(c.state)) {
            c.needsStaff = false;
        }
        dirty = true;
        return conversationEvent(st.conversationId(), c);
    }

    /** The customer rated the conversation; returns the conversation event to emit. */
    public synchronized JsonObject rated(Frame.Rated rated) {
        Conversation c = conversations.computeIfAbsent(rated.conversationId(), k -> new Conversation());
        c.rating = rated.score();
        c.ratingComment = rated.comment() == null ? "" : rated.comment();
        dirty = true;
        return conversationEvent(rated.conversationId(), c);
    }

    /** The assistant handed the conversation to staff: it needs them, with the assistant's note. */
    public synchronized JsonObject handOff(String conversationId, JsonObject note) {
        Conversation c = conversations.computeIfAbsent(conversationId, k -> new Conversation());
        c.needsStaff = true;
        c.note = note == null ? JsonValue.EMPTY_JSON_OBJECT : note;
        dirty = true;
        return conversationEvent(conversationId, c);
    }

    public synchronized String customerOf(String conversationId) {
        Conversation c = conversations.get(conversationId);
        return c == null ? "" : c.customer;
    }

    synchronized boolean knows(String conversationId) {
        return conversations.containsKey(conversationId);
    }

    public synchronized JsonObject snapshot() {
        var snapshot = JSON.createObjectBuilder().add("status", status).add("conversations", conversationsJson());
        if (qr != null) {
            snapshot.add("qr", qr);
        } else {
            snapshot.addNull("qr");
        }
        return snapshot.build();
    }

    /** The conversations as cached on disk; clears the "changed" mark. */
    public synchronized JsonObject cache() {
        dirty = false;
        return JSON.createObjectBuilder().add("version", 1).add("conversations", conversationsJson()).build();
    }

    public synchronized boolean dirty() {
        return dirty;
    }

    /** Loads a cache written by {@link #cache()}: what staff can browse before (or without) the server. */
    public synchronized void restore(JsonObject cache) {
        for (JsonValue value : cache.getJsonArray("conversations")) {
            JsonObject o = value.asJsonObject();
            Conversation c = new Conversation();
            c.customer = o.getString("customer", "");
            c.state = o.getString("state", "BOT");
            c.by = o.getString("by", "");
            c.needsStaff = o.getBoolean("needsStaff", false);
            c.note = o.get("note") instanceof JsonObject note ? note : JsonValue.EMPTY_JSON_OBJECT;
            c.rating = o.getInt("rating", 0);
            c.ratingComment = o.getString("ratingComment", "");
            c.updatedAt = Instant.parse(o.getString("updatedAt", Instant.EPOCH.toString()));
            for (JsonValue m : o.getJsonArray("messages")) {
                c.messages.add(JSON.createObjectBuilder(m.asJsonObject()).add("old", true).build());
            }
            conversations.putIfAbsent(o.getString("conversationId"), c);
        }
    }

    /** The highest seq held per conversation (the link resumes after it). */
    synchronized Map<String, Long> highestSeqs() {
        Map<String, Long> highest = new LinkedHashMap<>();
        conversations.forEach((id, c) -> c.messages.stream().map(m -> m.get("seq")).filter(JsonNumber.class::isInstance)
                .mapToLong(n -> ((JsonNumber) n).longValue()).max().ifPresent(seq -> highest.put(id, seq)));
        return highest;
    }

    private JsonArrayBuilder conversationsJson() {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        conversations.forEach((id, c) -> {
            JsonArrayBuilder messages = JSON.createArrayBuilder();
            c.messages.forEach(messages::add);
            list.add(JSON.createObjectBuilder(conversationEvent(id, c)).add("messages", messages));
        });
        return list;
    }

    /** Keeps the most recently active conversations only. */
    private void trim() {
        while (conversations.size() > KEEP_CONVERSATIONS) {
            String oldest = conversations.entrySet().stream().min(Map.Entry.comparingByValue(
                    (a, b) -> a.updatedAt.compareTo(b.updatedAt))).map(Map.Entry::getKey).orElseThrow();
            conversations.remove(oldest);
        }
    }

    private static JsonObject conversationEvent(String id, Conversation c) {
        return JSON.createObjectBuilder().add("conversationId", id).add("customer", c.customer)
                .add("state", c.state.toUpperCase(Locale.ROOT)).add("by", c.by).add("needsStaff", c.needsStaff)
                .add("note", c.note).add("rating", c.rating).add("ratingComment", c.ratingComment)
                .add("updatedAt", c.updatedAt.toString()).build();
    }
}
