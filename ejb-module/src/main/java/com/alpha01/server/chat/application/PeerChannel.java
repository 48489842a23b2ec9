package com.alpha01.server.chat.application;

/**
 * A live connection to a peer (a merchant client or a customer's browser tab), as the web edge
 * wraps its WebSocket sessions. Implementations must be safe to call from several threads.
 */
public interface PeerChannel {

    /** Stable id of this connection, for logs. */
    String id();

    /** Sends one text frame; returns false when the connection is gone. */
    boolean send(String frame);

    boolean isOpen();

    /**
     * Heartbeat: sends a WebSocket ping, unless the peer has not answered any ping (nor sent
     * anything) for {@code deadAfter}; then the connection is closed as dead and false returned.
     */
    boolean probe(java.time.Duration deadAfter);

    /** Closes the connection with a code from {@link com.alpha01.protocol.CloseCodes}. */
    void close(int code, String reason);
}
