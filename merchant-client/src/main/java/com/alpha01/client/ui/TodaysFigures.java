package com.alpha01.client.ui;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.session.Connection;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The shop's figures from the server for 总览: today's (conversations, messages, AI answer rate, queue) and the
 * last 7 days' trend. Today's follow the conversations: {@link #refreshSoon()} on every message and change of
 * hands fetches them again (at most once per {@link #SOON_MS}), besides the periodic {@link #refresh()}.
 */
public final class TodaysFigures {

    private static final Logger LOG = Logger.getLogger(TodaysFigures.class);
    /** Messages in a burst are counted once: today's figures are fetched this long after the first. */
    static final long SOON_MS = 1500;

    private final Bridge bridge;
    private final Supplier<Optional<Connection>> connection;
    private final ScheduledExecutorService worker;
    private final AtomicBoolean pending = new AtomicBoolean();

    public TodaysFigures(Bridge bridge, Supplier<Optional<Connection>> connection, ScheduledExecutorService worker) {
        this.bridge = bridge;
        this.connection = connection;
        this.worker = worker;
    }

    /** Fetches today's figures and the week's trend and sends them to the page (nothing while not connected). */
    public void refresh() {
        JsonObject stats = current();
        if (stats != null) {
            bridge.emit("stats", stats);
        }
        JsonObject week = week();
        if (week != null) {
            bridge.emit("trends", week);
        }
    }

    /** Today's figures again shortly: something happened in a conversation. */
    public void refreshSoon() {
        if (pending.compareAndSet(false, true)) {
            try {
                worker.schedule(() -> {
                    pending.set(false);
                    JsonObject stats = current();
                    if (stats != null) {
                        bridge.emit("stats", stats);
                    }
                }, SOON_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                pending.set(false);
            }
        }
    }

    /** Fetches today's figures now; null while not connected or when the server cannot say. */
    public JsonObject current() {
        return fetch(false);
    }

    /** The last 7 days (days and the questions nobody answered); null while not connected or unknown. */
    JsonObject week() {
        JsonObject shop = fetch(true);
        if (shop == null || !(shop.get("figures") instanceof JsonObject figures)) {
            return null;
        }
        return JSON.createObjectBuilder().add("days", figures.getJsonArray("days"))
                .add("unanswered", figures.getJsonArray("unanswered")).build();
    }

    private JsonObject fetch(boolean week) {
        Connection c = connection.get().orElse(null);
        if (c == null) {
            return null;
        }
        try {
            return week ? c.api().weekFigures() : c.api().stats();
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Figures not available: %s", e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
