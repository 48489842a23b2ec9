package com.alpha01.protocol;

/**
 * WebSocket close codes used by the server, in one place. 1000–1011 are RFC 6455 codes; 4000–4999
 * are Alpha 01's own.
 */
public final class CloseCodes {
    /** Normal closure. */
    public static final int NORMAL = 1000;
    /** Going away: the server is stopping (undeploy, shutdown); reconnect, to another node or after the restart. */
    public static final int GOING_AWAY = 1001;
    /** Payload could not be accepted (not text, not JSON). */
    public static final int BAD_PAYLOAD = 1003;
    /** Policy: not authenticated, ticket invalid, or rate limit exceeded repeatedly. */
    public static final int POLICY = 1008;
    /** Frame larger than the socket accepts. */
    public static final int TOO_BIG = 1009;
    /** Unexpected server failure. */
    public static final int SERVER_FAULT = 1011;
    /** The same merchant client opened a newer socket; this one is retired. */
    public static final int REPLACED = 4001;
    /** The peer stopped answering the server's WebSocket pings: the connection is presumed dead. */
    public static final int HEARTBEAT_LOST = 4002;
    /**
     * A customer tab sent nothing of its own (no message, no read receipt) for the idle limit; the
     * page reconnects when the customer comes back to it.
     */
    public static final int IDLE = 4003;
    /**
     * The conversation is open in as many tabs on this node as a customer may hold
     * ({@code ALPHA01_CUSTOMER_TABS}); the page reconnects when the customer comes back to it.
     */
    public static final int TOO_MANY_TABS = 4004;
    /**
     * The peer stopped reading: more than the server keeps for one socket waited to be written to it (a
     * stalled network, a frozen tab). Everything is stored: the peer reconnects and catches up.
     */
    public static final int TOO_SLOW = 4005;

    /** Largest text frame accepted, in bytes (message text plus envelope). */
    public static final int MAX_FRAME_BYTES = 16 * 1024;

    private CloseCodes() {
    }
}
