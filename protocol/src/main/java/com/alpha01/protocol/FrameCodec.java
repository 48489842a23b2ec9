package com.alpha01.protocol;

import static com.alpha01.protocol.Jsons.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Encodes and decodes {@link Frame}s as JSON text, enforcing the protocol's field rules so that
 * nothing past {@link #decode(String)} has to re-check them.
 */
public final class FrameCodec {

    private static final Pattern SENDER_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    /**
     * Looked up once: {@code JSON.createReader}/{@code JSON.createObjectBuilder} look the provider up
     * through the ServiceLoader on every call, which was a quarter of the server's CPU per frame in the
     * routing benchmark (docs/benchmarks.md).
     */

    private FrameCodec() {
    }

    public static String encode(Frame frame) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", frame.type());
        if (frame instanceof Frame.Send f) {
            b.add("id", f.id()).add("text", f.text());
        } else if (frame instanceof Frame.Reply f) {
            b.add("id", f.id()).add("conversationId", f.conversationId()).add("text", f.text());
            if (f.sender() != null) {
                b.add("sender", f.sender().name());
            }
            if (f.inReplyTo() != null) {
                b.add("inReplyTo", f.inReplyTo());
            }
            addIfPresent(b, "source", f.source());
            addIfPresent(b, "kind", f.kind() == null ? null : f.kind().name());
        } else if (frame instanceof Frame.Ack f) {
            b.add("id", f.id()).add("conversationId", f.conversationId()).add("seq", f.seq());
        } else if (frame instanceof Frame.Message f) {
            b.add("id", f.id()).add("conversationId", f.conversationId()).add("seq", f.seq())
                    .add("sender", f.sender().name()).add("text", f.text()).add("at", f.at().toString());
            addIfPresent(b, "customer", f.customer());
            if (f.inReplyTo() != null) {
                b.add("inReplyTo", f.inReplyTo());
            }
            addIfPresent(b, "source", f.source());
        } else if (frame instanceof Frame.Delivered f) {
            b.add("conversationId", f.conversationId()).add("seq", f.seq());
        } else if (frame instanceof Frame.Read f) {
            b.add("conversationId", f.conversationId()).add("seq", f.seq());
        } else if (frame instanceof Frame.Typing f) {
            b.add("conversationId", f.conversationId()).add("typing", f.typing());
        } else if (frame instanceof Frame.Draft f) {
            b.add("conversationId", f.conversationId()).add("inReplyTo", f.inReplyTo()).add("text", f.text());
        } else if (frame instanceof Frame.Welcome f) {
            b.add("peerId", f.peerId()).add("merchantId", f.merchantId()).add("merchantName", f.merchantName());
            addIfPresent(b, "conversationId", f.conversationId());
            addIfPresent(b, "welcomeLine", f.welcomeLine());
        } else if (frame instanceof Frame.Error f) {
            b.add("code", f.code().name()).add("message", f.message());
            if (f.ref() != null) {
                b.add("ref", f.ref());
            }
        } else if (frame instanceof Frame.Control f) {
            b.add("conversationId", f.conversationId());
        } else if (frame instanceof Frame.State f) {
            b.add("conversationId", f.conversationId()).add("state", f.state());
            if (f.by() != null) {
                b.add("by", f.by());
            }
        } else if (frame instanceof Frame.Resume f) {
            b.add("conversationId", f.conversationId()).add("lastSeq", f.lastSeq());
        } else if (frame instanceof Frame.Ping f) {
            b.add("nonce", f.nonce());
        } else if (frame instanceof Frame.Pong f) {
            b.add("nonce", f.nonce());
        } else if (frame instanceof Frame.Report f) {
            ReportFields.encode(f, b);
        } else {
            RatingFields.encode(frame, b);
        }
        return b.build().toString();
    }

    /** Decodes one frame; every rule broken gives a {@link ProtocolException} with its code. */
    public static Frame decode(String text) throws ProtocolException {
        JsonObject o = parse(text);
        String ref = optionalString(o, "id");
        String type = optionalString(o, "type");
        if (type == null) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "missing field 'type'", ref);
        }
        return switch (type) {
            case "send" -> new Frame.Send(senderId(o, ref), text(o, ref));
            case "reply" -> new Frame.Reply(senderId(o, ref), uuid(o, "conversationId", ref), text(o, ref),
                    optionalSender(o, ref), optionalSeq(o, "inReplyTo", ref), source(o, ref),
                    o.containsKey("kind") ? enumValue(Frame.AnswerKind.class, string(o, "kind", ref), "kind", ref) : null);
            case "ack" -> new Frame.Ack(senderId(o, ref), uuid(o, "conversationId", ref), seq(o, ref));
            case "message" -> new Frame.Message(string(o, "id", ref), uuid(o, "conversationId", ref), seq(o, ref),
                    sender(o, ref), string(o, "text", ref), instant(o, ref),
                    optionalString(o, "customer"), optionalSeq(o, "inReplyTo", ref), source(o, ref));
            case "delivered" -> new Frame.Delivered(uuid(o, "conversationId", ref), seq(o, ref));
            case "read" -> new Frame.Read(uuid(o, "conversationId", ref), seq(o, ref));
            case "typing" -> new Frame.Typing(uuid(o, "conversationId", ref), bool(o, "typing", ref));
            case "draft" -> new Frame.Draft(uuid(o, "conversationId", ref), positive(o, "inReplyTo", ref), text(o, ref));
            case "welcome" -> new Frame.Welcome(string(o, "peerId", ref), string(o, "merchantId", ref),
                    string(o, "merchantName", ref), optionalString(o, "conversationId"), optionalString(o, "welcomeLine"));
            case "error" -> new Frame.Error(errorCode(o, ref), string(o, "message", ref),
                    optionalString(o, "ref"));
            case "takeover" -> new Frame.Control(Frame.Action.TAKEOVER, uuid(o, "conversationId", ref));
            case "handback" -> new Frame.Control(Frame.Action.HANDBACK, uuid(o, "conversationId", ref));
            case "close" -> new Frame.Control(Frame.Action.CLOSE, uuid(o, "conversationId", ref));
            case "state" -> new Frame.State(uuid(o, "conversationId", ref), string(o, "state", ref),
                    optionalString(o, "by"));
            case "resume" -> new Frame.Resume(uuid(o, "conversationId", ref), lastSeq(o, ref));
            case "ping" -> new Frame.Ping(number(o, "nonce", ref));
            case "pong" -> new Frame.Pong(number(o, "nonce", ref));
            case "report" -> ReportFields.decode(o, ref);
            case "rate", "rated" -> RatingFields.decode(type, o, ref);
            default -> throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown frame type", ref);
        };
    }

    private static JsonObject parse(String text) throws ProtocolException {
        if (text == null || text.isBlank()) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "empty frame", null);
        }
        Nesting.check(text);
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject o)) {
                throw new ProtocolException(ErrorCode.BAD_FRAME, "frame is not a JSON object", null);
            }
            return o;
        } catch (JsonParsingException e) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "frame is not valid JSON", null);
        } catch (JsonException e) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "frame could not be read", null);
        }
    }

    static String string(JsonObject o, String field, String ref) throws ProtocolException {
        if (o.get(field) instanceof JsonString s) {
            return s.getString();
        }
        throw new ProtocolException(ErrorCode.BAD_FRAME, "missing or non-text field '" + field + "'", ref);
    }

    /** A text field that may be absent (older peers) or null: null then. */
    private static String optionalString(JsonObject o, String field) {
        return o.get(field) instanceof JsonString s ? s.getString() : null;
    }

    /** A reply's {@code source} label: absent, null or blank is none; longer than the limit is refused. */
    private static String source(JsonObject o, String ref) throws ProtocolException {
        JsonValue value = o.get("source");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String source = string(o, "source", ref).strip();
        if (source.length() > Frame.MAX_SOURCE_LENGTH) {
            throw new ProtocolException(ErrorCode.BAD_FRAME,
                    "'source' is longer than " + Frame.MAX_SOURCE_LENGTH + " characters", ref);
        }
        return source.isEmpty() ? null : source;
    }

    private static void addIfPresent(JsonObjectBuilder b, String field, String value) {
        if (value != null) {
            b.add(field, value);
        }
    }

    private static String senderId(JsonObject o, String ref) throws ProtocolException {
        String id = string(o, "id", ref);
        if (!SENDER_ID.matcher(id).matches()) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "'id' must be 8-64 characters of A-Z a-z 0-9 _ -", null);
        }
        return id;
    }

    static String uuid(JsonObject o, String field, String ref) throws ProtocolException {
        String value = string(o, field, ref);
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "'" + field + "' is not a UUID", ref);
        }
    }

    private static String text(JsonObject o, String ref) throws ProtocolException {
        String text = string(o, "text", ref);
        if (text.isBlank()) {
            throw new ProtocolException(ErrorCode.BAD_TEXT, "message text is empty", ref);
        }
        if (text.length() > Frame.MAX_TEXT_LENGTH) {
            throw new ProtocolException(ErrorCode.BAD_TEXT,
                    "message text is longer than " + Frame.MAX_TEXT_LENGTH + " characters", ref);
        }
        if (!Texts.storable(text)) {
            throw new ProtocolException(ErrorCode.BAD_TEXT,
                    "message text holds a NUL character or half of a surrogate pair", ref);
        }
        return text;
    }

    private static boolean bool(JsonObject o, String field, String ref) throws ProtocolException {
        JsonValue value = o.get(field);
        if (value != null && (value.getValueType() == JsonValue.ValueType.TRUE
                || value.getValueType() == JsonValue.ValueType.FALSE)) {
            return value.getValueType() == JsonValue.ValueType.TRUE;
        }
        throw new ProtocolException(ErrorCode.BAD_FRAME, "missing or non-boolean field '" + field + "'", ref);
    }

    static long number(JsonObject o, String field, String ref) throws ProtocolException {
        if (o.get(field) instanceof JsonNumber n && n.isIntegral()) {
            return n.longValue();
        }
        throw new ProtocolException(ErrorCode.BAD_FRAME, "missing or non-integer field '" + field + "'", ref);
    }

    private static long seq(JsonObject o, String ref) throws ProtocolException {
        return positive(o, "seq", ref);
    }

    static long positive(JsonObject o, String field, String ref) throws ProtocolException {
        long value = number(o, field, ref);
        if (value < 1) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "'" + field + "' must be positive", ref);
        }
        return value;
    }

    private static long lastSeq(JsonObject o, String ref) throws ProtocolException {
        long seq = number(o, "lastSeq", ref);
        if (seq < 0) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "'lastSeq' must be 0 or more", ref);
        }
        return seq;
    }

    private static Long optionalSeq(JsonObject o, String field, String ref) throws ProtocolException {
        if (!o.containsKey(field) || o.isNull(field)) {
            return null;
        }
        return positive(o, field, ref);
    }

    private static Frame.Sender sender(JsonObject o, String ref) throws ProtocolException {
        return enumValue(Frame.Sender.class, string(o, "sender", ref), "sender", ref);
    }

    private static Frame.Sender optionalSender(JsonObject o, String ref) throws ProtocolException {
        return o.containsKey("sender") ? sender(o, ref) : null;
    }

    private static ErrorCode errorCode(JsonObject o, String ref) throws ProtocolException {
        return enumValue(ErrorCode.class, string(o, "code", ref), "code", ref);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, String ref)
            throws ProtocolException {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "unknown value of '" + field + "'", ref);
        }
    }

    private static Instant instant(JsonObject o, String ref) throws ProtocolException {
        try {
            return Instant.parse(string(o, "at", ref));
        } catch (DateTimeParseException e) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "'at' is not an ISO-8601 instant", ref);
        }
    }
}
