package com.alpha01.server.chat.application;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * How late this node handles its sockets' frames, as the edge measures it from its heartbeat (the web
 * module's {@code DispatchLag}, which registers itself here): the chat's sweeps read it, so that what
 * they resend waits for receipts that are only queued behind the node's own backlog.
 */
public final class NodeBacklog {

    private static volatile Supplier<Duration> measured = () -> Duration.ZERO;

    private NodeBacklog() {
    }

    /** The edge's measurement; the last one registered counts. */
    public static void measuredBy(Supplier<Duration> lag) {
        measured = lag;
    }

    /** The node's recent lag; zero before anything measured it. */
    public static Duration lag() {
        return measured.get();
    }
}
