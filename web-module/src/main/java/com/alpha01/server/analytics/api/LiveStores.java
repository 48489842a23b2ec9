package com.alpha01.server.analytics.api;

import com.alpha01.server.analytics.application.Stores;
import com.alpha01.server.identity.Caller;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Pushes the stores' live state to a console (server-sent events): at once, then whenever it changed, checked
 * every {@link #EVERY}; the stream ends after {@link #AT_MOST} (the console reconnects) or when the console goes.
 */
@ApplicationScoped
public class LiveStores {

    private static final Logger LOG = Logger.getLogger(LiveStores.class);
    static final Duration EVERY = Duration.ofSeconds(5);
    static final Duration AT_MOST = Duration.ofMinutes(30);
    private static final Jsonb JSON = JsonbBuilder.create();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Stores stores;

    void follow(Caller caller, SseEventSink sink, Sse sse) {
        Instant until = Instant.now().plus(AT_MOST);
        AtomicReference<String> last = new AtomicReference<>("");
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        task.set(scheduler.scheduleWithFixedDelay(() -> {
            try {
                if (sink.isClosed() || Instant.now().isAfter(until)) {
                    sink.close();
                    task.get().cancel(false);
                    return;
                }
                String json = JSON.toJson(stores.visibleNow(caller));
                if (!json.equals(last.getAndSet(json))) {
                    sink.send(sse.newEventBuilder().name("stores").data(json).build())
                            .whenComplete((done, failed) -> {
                                if (failed != null) {
                                    sink.close();
                                }
                            });
                }
            } catch (RuntimeException e) {
                LOG.debugf("Live stores stream ended: %s", e.toString());
                sink.close();
                task.get().cancel(false);
            }
        }, 0, EVERY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
    }
}
