package com.alpha01.client.ui;

import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.session.Connection;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Today's figures from the server (conversations, messages, AI answer rate, queue), for 总览. */
public final class TodaysFigures {

    private static final Logger LOG = Logger.getLogger(TodaysFigures.class);

    private final Bridge bridge;
    private final Supplier<Optional<Connection>> connection;

    public TodaysFigures(Bridge bridge, Supplier<Optional<Connection>> connection) {
        this.bridge = bridge;
        this.connection = connection;
    }

    /** Fetches them and sends them to the page (nothing while not connected). */
    public void refresh() {
        JsonObject stats = current();
        if (stats != null) {
            bridge.emit("stats", stats);
        }
    }

    /** Fetches them now; null while not connected or when the server cannot say. */
    public JsonObject current() {
        Connection c = connection.get().orElse(null);
        if (c == null) {
            return null;
        }
        try {
            return c.api().stats();
        } catch (IOException e) {
            LOG.debugf("Stats not available: %s", e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
