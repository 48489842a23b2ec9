package com.alpha01.client.ai;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/** One request as {@link FakeZhipuServer} received it. */
public final class FakeZhipuRequest {
    private final String method;
    private final String path;
    private final Map<String, String> headers;
    private final JsonObject body;
    private final long receivedNanos;
    private volatile long firstChunkNanos;

    FakeZhipuRequest(String method, String path, Map<String, String> headers, JsonObject body, long receivedNanos) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.body = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        this.receivedNanos = receivedNanos;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** Header value by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name);
    }

    public JsonObject body() {
        return body;
    }

    public boolean stream() {
        return body.getBoolean("stream", false);
    }

    public JsonArray messages() {
        return body.containsKey("messages") ? body.getJsonArray("messages") : JsonValue.EMPTY_JSON_ARRAY;
    }

    /** The contents of the messages with this role, in order ({@code system}, {@code user}, {@code assistant}, {@code tool}). */
    public List<String> contents(String role) {
        return messages().getValuesAs(JsonObject.class).stream()
                .filter(m -> role.equals(m.getString("role", "")))
                .map(m -> m.get("content") instanceof JsonString s ? s.getString() : "")
                .toList();
    }

    /** The {@code tool_call_id} of each tool message, in order ("" where it has none). */
    public List<String> toolCallIds() {
        return messages().getValuesAs(JsonObject.class).stream()
                .filter(m -> "tool".equals(m.getString("role", "")))
                .map(m -> m.getString("tool_call_id", ""))
                .toList();
    }

    public String lastUserContent() {
        List<String> users = contents("user");
        return users.isEmpty() ? "" : users.get(users.size() - 1);
    }

    /** Names of the functions the request offers. */
    public List<String> toolNames() {
        if (!body.containsKey("tools")) {
            return List.of();
        }
        return body.getJsonArray("tools").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getJsonObject("function").getString("name")).toList();
    }

    /** The claims of the Bearer JWT, or null when there is none. */
    public JsonObject jwtClaims() {
        return ZhipuTokens.claims(header("Authorization"));
    }

    /** From receipt to writing the first byte of the answer (the fake's own time to first token), or -1. */
    public long fakeFirstChunkMillis() {
        return firstChunkNanos == 0 ? -1 : (firstChunkNanos - receivedNanos) / 1_000_000;
    }

    /** {@link System#nanoTime()} when the request body had been read. */
    public long receivedNanos() {
        return receivedNanos;
    }

    /** {@link System#nanoTime()} just before the first chunk (or the whole answer) was written, or 0. */
    public long firstChunkNanos() {
        return firstChunkNanos;
    }

    int promptChars() {
        return messages().getValuesAs(JsonObject.class).stream()
                .mapToInt(m -> m.get("content") instanceof JsonString s ? s.getString().length() : 0)
                .sum();
    }

    void markFirstChunk() {
        if (firstChunkNanos == 0) {
            firstChunkNanos = System.nanoTime();
        }
    }
}
