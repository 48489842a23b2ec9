package com.alpha01.protocol;

/** Error codes carried by {@link Frame.Error} frames and REST error bodies. One list for both. */
public enum ErrorCode {
    /** The frame is not a JSON object, or a required field is missing or of the wrong type. */
    BAD_FRAME,
    /** The {@code type} field names no frame the receiver accepts. */
    UNKNOWN_TYPE,
    /** The message text is empty or longer than {@link Frame#MAX_TEXT_LENGTH}. */
    BAD_TEXT,
    /** A client release's signature is not a trusted key's signature of its target, version and SHA-256. */
    BAD_SIGNATURE,
    /** The conversation or message does not exist for this peer. */
    NOT_FOUND,
    /** The peer may not act on that object (another tenant's, or another client's). */
    FORBIDDEN,
    /** The same sender id was used for a different message. */
    CONFLICT,
    /** Too many frames in a short time. */
    RATE_LIMITED,
    /** The server failed; the frame may be resent with the same id. */
    SERVER_ERROR,
    /** Keycloak could not be reached (or the server is not set up to manage it); nothing was changed. */
    IDENTITY_UNAVAILABLE,
    /**
     * The server's database cannot be reached for the moment: nothing was stored (no ack); resend the
     * frame, with the same id, in a few seconds.
     */
    UNAVAILABLE
}
