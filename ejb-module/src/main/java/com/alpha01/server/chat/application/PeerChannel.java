package com.alpha01.server.chat.application;

/**
 * A live connection to a peer (a merchant client or a customer's browser tab), as the web edge
 * wraps its WebSocket sessions; the edge encodes what it is given as a wire frame. Implementations
 * must be safe to call from several threads.
 */
public interface PeerChannel {

    /** Stable id of this connection, for logs. */
    String id();

    /** Sends one thing to the peer; returns false when the connection is gone. */
    boolean send(Outbound outbound);

    boolean isOpen();

    /**
     * Heartbeat: sends a WebSocket ping, unless the peer has not answered any ping (nor sent
     * anything) for {@code deadAfter}; then the connection is closed as dead and false returned.
     */
    boolean probe(java.time.Duration deadAfter);

    /** Closes the connection with a code from {@link com.alpha01.protocol.CloseCodes}. */
    void close(int code, String reason);
}
