package com.alpha01.client.ai;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.ai.FakeZhipuServer.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** ZhipuAI v4's chat completion and stream chunk shapes, for {@link FakeZhipuServer}. */
final class FakeZhipuWire {

    private FakeZhipuWire() {
    }

    static List<String> streamChunks(String id, long created, String model, Reply reply, JsonObject usage) {
        List<String> chunks = new ArrayList<>();
        if (reply.toolName() != null) {
            // As the real service sends it: the whole call in one chunk, with its finish reason and the usage.
            JsonObject delta = JSON.createObjectBuilder().add("role", "assistant")
                    .add("tool_calls", toolCalls(id, reply)).build();
            chunks.add(chunk(id, created, model, delta, "tool_calls", usage).toString());
            return chunks;
        }
        for (int i = 0; i < reply.reasoning().size(); i++) {
            JsonObjectBuilder delta = JSON.createObjectBuilder().add("role", "assistant");
            if (i == 0) {
                delta.add("content", "");
            }
            delta.add("reasoning_content", reply.reasoning().get(i));
            chunks.add(chunk(id, created, model, delta.build(), null, null).toString());
        }
        for (String text : reply.chunks()) {
            JsonObject delta = JSON.createObjectBuilder().add("role", "assistant").add("content", text).build();
            chunks.add(chunk(id, created, model, delta, null, null).toString());
        }
        JsonObject last = JSON.createObjectBuilder().add("role", "assistant").add("content", "").build();
        chunks.add(chunk(id, created, model, last, "stop", usage).toString());
        return chunks;
    }

    static JsonObject completion(String id, long created, String model, Reply reply, JsonObject usage) {
        JsonObjectBuilder message = JSON.createObjectBuilder().add("role", "assistant");
        String finish = "stop";
        if (reply.toolName() != null) {
            message.add("tool_calls", toolCalls(id, reply));
            finish = "tool_calls";
        } else {
            message.add("content", String.join("", reply.chunks()));
        }
        JsonObject choice = JSON.createObjectBuilder().add("index", 0).add("finish_reason", finish)
                .add("message", message).build();
        return JSON.createObjectBuilder().add("id", id).add("created", created).add("model", model)
                .add("choices", JSON.createArrayBuilder().add(choice)).add("usage", usage)
                .add("request_id", id).build();
    }

    /**
     * Whether every {@code tool} message names, by {@code tool_call_id}, a call of the assistant message
     * before it (what the v4 API pairs a tool result with). A mismatch is a 400 with code 1214.
     */
    static boolean toolMessagesAnswerCalls(JsonArray messages) {
        Set<String> calls = new HashSet<>();
        for (JsonValue value : messages) {
            if (!(value instanceof JsonObject message)) {
                return false;
            }
            String role = message.getString("role", "");
            if ("assistant".equals(role)) {
                calls.clear();
                JsonArray toolCalls = message.getJsonArray("tool_calls");
                if (toolCalls != null) {
                    toolCalls.getValuesAs(JsonObject.class).forEach(c -> calls.add(c.getString("id", "")));
                }
            } else if ("tool".equals(role) && !calls.remove(message.getString("tool_call_id", ""))) {
                return false;
            }
        }
        return true;
    }

    private static JsonObject chunk(String id, long created, String model, JsonObject delta, String finish,
                                    JsonObject usage) {
        JsonObjectBuilder choice = JSON.createObjectBuilder().add("index", 0);
        if (finish != null) {
            choice.add("finish_reason", finish);
        }
        choice.add("delta", delta);
        JsonObjectBuilder chunk = JSON.createObjectBuilder().add("id", id).add("created", created)
                .add("model", model).add("choices", JSON.createArrayBuilder().add(choice));
        if (usage != null) {
            chunk.add("usage", usage);
        }
        return chunk.build();
    }

    private static JsonArrayBuilder toolCalls(String id, Reply reply) {
        return JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("id", "call_" + id).add("index", 0)
                .add("type", "function").add("function", JSON.createObjectBuilder()
                        .add("name", reply.toolName()).add("arguments", reply.toolArguments())));
    }
}
