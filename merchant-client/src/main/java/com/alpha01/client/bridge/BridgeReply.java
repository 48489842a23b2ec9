package com.alpha01.client.bridge;

import static com.alpha01.protocol.Jsons.JSON;

import jakarta.json.JsonObject;

/**
 * The answer to one request from the page: either a JSON result or an error code with a message.
 *
 * @param type    the request type, or {@code null} when the request could not be parsed
 * @param result  the handler's result when {@link #ok()}
 * @param code    the error code when not {@link #ok()}
 * @param message a message for the error, safe to show (never an unexpected exception's text)
 */
public record BridgeReply(String type, JsonObject result, String code, String message) {

    static BridgeReply success(String type, JsonObject result) {
        return new BridgeReply(type, result == null ? JsonObject.EMPTY_JSON_OBJECT : result, null, null);
    }

    static BridgeReply failure(String type, String code, String message) {
        return new BridgeReply(type, null, code, message);
    }

    public boolean ok() {
        return code == null;
    }

    /** What the page receives: the result itself, or {@code {"code": ..., "message": ...}} for an error. */
    public String toJson() {
        return ok() ? result.toString()
                : JSON.createObjectBuilder().add("code", code).add("message", message).build().toString();
    }
}
