package com.alpha01.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** The fields of the {@code rate} and {@code rated} frames on the wire, for {@link FrameCodec}. */
final class RatingFields {

    private RatingFields() {
    }

    static void encode(Frame frame, JsonObjectBuilder b) {
        if (frame instanceof Frame.Rate f) {
            b.add("conversationId", f.conversationId()).add("score", f.score());
            if (f.comment() != null) {
                b.add("comment", f.comment());
            }
        } else if (frame instanceof Frame.Rated f) {
            b.add("conversationId", f.conversationId()).add("upToSeq", f.upToSeq()).add("score", f.score());
            if (f.comment() != null) {
                b.add("comment", f.comment());
            }
        }
    }

    /** A score 1 … 5 and a comment that is absent, null or blank (none), or text of at most 500 characters. */
    static Frame decode(String type, JsonObject o, String ref) throws ProtocolException {
        String conversationId = FrameCodec.uuid(o, "conversationId", ref);
        long score = FrameCodec.number(o, "score", ref);
        if (score < 1 || score > 5) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "'score' must be 1 to 5", ref);
        }
        String comment = comment(o, ref);
        if (type.equals("rate")) {
            return new Frame.Rate(conversationId, (int) score, comment);
        }
        return new Frame.Rated(conversationId, FrameCodec.positive(o, "upToSeq", ref), (int) score, comment);
    }

    private static String comment(JsonObject o, String ref) throws ProtocolException {
        JsonValue value = o.get("comment");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String comment = FrameCodec.string(o, "comment", ref).strip();
        if (comment.length() > Frame.MAX_COMMENT_LENGTH) {
            throw new ProtocolException(ErrorCode.BAD_TEXT,
                    "'comment' is longer than " + Frame.MAX_COMMENT_LENGTH + " characters", ref);
        }
        if (!Texts.storable(comment)) {
            throw new ProtocolException(ErrorCode.BAD_TEXT, "'comment' holds a NUL character or half of a surrogate pair", ref);
        }
        return comment.isEmpty() ? null : comment;
    }
}
