package com.alpha01.client.browser;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands the page's events to Chromium in batches: each script handed over during one interval goes
 * in the same {@code executeJavaScript}, in order, instead of one call (an IPC and a compile in the
 * renderer) per event. After a quiet interval a script goes out at once; in a burst (a busy shop: a
 * few events per answer, dozens of answers a second) at most one batch leaves per interval.
 */
final class ScriptBatcher implements Consumer<String>, AutoCloseable {

    /** The longest an event waits for its batch: well under what the eye notices. */
    static final long INTERVAL_MILLIS = 100;

    private final Consumer<String> page;
    private final long intervalNanos;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alpha01-page-events");
        t.setDaemon(true);
        return t;
    });
    private final StringBuilder pending = new StringBuilder();
    /** Held while a batch is taken and handed over, so that batches reach the page in order. */
    private final Object sending = new Object();
    private boolean scheduled;
    private long lastSent = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

    ScriptBatcher(Consumer<String> page, long intervalMillis) {
        this.page = page;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    }

    /** Queues {@code script} for the next batch; never blocks. */
    @Override
    public synchronized void accept(String script) {
        pending.append(script).append('\n');
        if (!scheduled && !timer.isShutdown()) {
            scheduled = true;
            timer.schedule(this::send, Math.max(0, lastSent + intervalNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /** Hands what is queued to the page now (before a script that must run after the events emitted so far). */
    void send() {
        synchronized (sending) {
            String batch;
            synchronized (this) {
                batch = pending.toString();
                pending.setLength(0);
                scheduled = false;
                lastSent = System.nanoTime();
            }
            if (!batch.isEmpty()) {
                page.accept(batch);
            }
        }
    }

    /** Sends what is queued, then stops. */
    @Override
    public void close() {
        timer.shutdownNow();
        send();
    }
}
