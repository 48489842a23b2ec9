package com.alpha01.server.chat.infrastructure;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.server.chat.application.Outbound;
import com.alpha01.server.chat.domain.ConversationState;
import com.alpha01.server.chat.domain.Sender;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/**
 * What the relay topic carries between the nodes: an {@link Outbound} as a small JSON object named
 * by its {@code kind}. A cluster-internal format (both ends are this build), not the wire protocol:
 * each node's web edge turns what it receives into wire frames.
 */
final class RelayCodec {

    private RelayCodec() {
    }

    static String encode(Outbound outbound) {
        if (outbound instanceof Outbound.Welcome) {
            throw new IllegalArgumentException("a welcome is never relayed");
        }
        JsonObjectBuilder o = JSON.createObjectBuilder().add("kind", outbound.getClass().getSimpleName())
                .add("conversationId", outbound.conversationId().toString());
        if (outbound instanceof Outbound.Message m) {
            o.add("seq", m.seq()).add("id", m.id())
                    .add("sender", m.sender().name()).add("text", m.text()).add("at", m.at().toString());
            addIfPresent(o, "customer", m.customer());
            if (m.inReplyTo() != null) {
                o.add("inReplyTo", m.inReplyTo());
            }
            addIfPresent(o, "source", m.source());
        } else if (outbound instanceof Outbound.State s) {
            o.add("state", s.state().name());
            addIfPresent(o, "by", s.by());
        } else if (outbound instanceof Outbound.Read r) {
            o.add("seq", r.seq());
        } else if (outbound instanceof Outbound.Typing t) {
            o.add("typing", t.typing());
        } else if (outbound instanceof Outbound.Draft d) {
            o.add("inReplyTo", d.inReplyTo()).add("text", d.text());
        } else if (outbound instanceof Outbound.Rated r) {
            o.add("upToSeq", r.upToSeq()).add("score", r.score());
            addIfPresent(o, "comment", r.comment());
        }
        return o.build().toString();
    }

    static Outbound decode(String json) {
        JsonObject o = JSON.createReader(new StringReader(json)).readObject();
        UUID conversationId = UUID.fromString(o.getString("conversationId"));
        return switch (o.getString("kind")) {
            case "Message" -> new Outbound.Message(conversationId, o.getJsonNumber("seq").longValue(), o.getString("id"),
                    Sender.valueOf(o.getString("sender")), o.getString("text"), Instant.parse(o.getString("at")),
                    o.getString("customer", null), optionalLong(o, "inReplyTo"), o.getString("source", null));
            case "State" -> new Outbound.State(conversationId, ConversationState.valueOf(o.getString("state")),
                    o.getString("by", null));
            case "Read" -> new Outbound.Read(conversationId, o.getJsonNumber("seq").longValue());
            case "Typing" -> new Outbound.Typing(conversationId, o.getBoolean("typing"));
            case "Draft" -> new Outbound.Draft(conversationId, o.getJsonNumber("inReplyTo").longValue(),
                    o.getString("text"));
            case "Rated" -> new Outbound.Rated(conversationId, o.getJsonNumber("upToSeq").longValue(),
                    o.getInt("score"), o.getString("comment", null));
            default -> throw new IllegalArgumentException("unknown relayed kind " + o.getString("kind"));
        };
    }

    private static void addIfPresent(JsonObjectBuilder o, String name, String value) {
        if (value != null) {
            o.add(name, value);
        }
    }

    private static Long optionalLong(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : o.getJsonNumber(name).longValue();
    }
}
