package com.alpha01.client.bridge;

/** A request the page sent could not be served; {@link #code()} is what the page sees and may branch on. */
public class BridgeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    public BridgeException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A short upper-case error code such as {@code BAD_REQUEST}. */
    public String code() {
        return code;
    }
}
