package com.alpha01.protocol;

/** A frame could not be decoded or broke a rule of the protocol. */
public class ProtocolException extends Exception {

    private final ErrorCode code;
    private final String ref;

    public ProtocolException(ErrorCode code, String message, String ref) {
        super(message);
        this.code = code;
        this.ref = ref;
    }

    public ErrorCode code() {
        return code;
    }

    /** The offending frame's id, if it had a readable one. */
    public String ref() {
        return ref;
    }

    /** The error frame to send back. */
    public Frame.Error toFrame() {
        return new Frame.Error(code, getMessage(), ref);
    }
}
