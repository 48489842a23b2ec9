package com.alpha01.client.bridge;

import static com.alpha01.protocol.Jsons.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Requests from the page and events to it.
 *
 * <p>Requests arrive as {@code {"type": name, "payload": {...}}} and are answered by the
 * {@link Handler} registered with {@link #on}. Handlers may block (they talk to the server), so
 * {@link #submit} runs them on a small pool of its own, never on the browser's UI thread.
 *
 * <p>{@link #emit} pushes an event as a line of JavaScript to the sink given to {@link #attach}.
 * Until the page has asked for {@value #READY} (its start-up snapshot), events are queued and sent
 * in order right after that answer, so nothing emitted during start-up or a reload is lost.
 */
public final class Bridge implements AutoCloseable {

    /** The request with which the page says it has loaded and wants its snapshot. */
    public static final String READY = "ready";
    /** The page's global function that receives events: {@code receive(event, payload)}. */
    static final String JS_RECEIVER = "window.alpha01Bridge && window.alpha01Bridge.receive";

    private static final Logger LOG = Logger.getLogger(Bridge.class);
    private static final int MAX_QUEUED_EVENTS = 1000;
    private static final int MAX_REQUEST_CHARS = 64 * 1024;

    /** Answers one request type. */
    @FunctionalInterface
    public interface Handler {
        JsonObject handle(JsonObject request) throws BridgeException;
    }

    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final Deque<String> queued = new ArrayDeque<>();
    private final ExecutorService pool;
    private Consumer<String> jsSink;
    private boolean pageReady;

    public Bridge() {
        this(2);
    }

    Bridge(int threads) {
        pool = Executors.newFixedThreadPool(threads, daemonThreads());
    }

    /** Registers the handler for one request type, replacing any earlier one. */
    public void on(String request, Handler handler) {
        handlers.put(Objects.requireNonNull(request, "request"), Objects.requireNonNull(handler, "handler"));
    }

    /** Pushes an event to the page, or queues it until the page is ready. Safe from any thread. */
    public void emit(String event, JsonObject payload) {
        String js = JS_RECEIVER + "(" + jsString(event) + ", "
                + (payload == null ? JsonValue.EMPTY_JSON_OBJECT : payload) + ");";
        synchronized (this) {
            if (pageReady && jsSink != null) {
                LOG.debugf("emit %s", event);
                jsSink.accept(js);
                return;
            }
            if (queued.size() == MAX_QUEUED_EVENTS) {
                queued.removeFirst();
                LOG.warnf("The page is not ready; dropped the oldest of %d queued events", MAX_QUEUED_EVENTS);
            }
            queued.addLast(js);
        }
    }

    /**
     * Connects the bridge to a page: {@code jsSink} runs a line of JavaScript in it. It is called with
     * the bridge's lock held, in emit order, so it must only hand the script over, never block.
     */
    public synchronized void attach(Consumer<String> jsSink) {
        this.jsSink = Objects.requireNonNull(jsSink, "jsSink");
    }

    /** Disconnects from the page (the window is closing): from now on events are only queued. */
    public synchronized void detach() {
        jsSink = null;
        pageReady = false;
    }

    /** The page is going away (navigation or reload): queue events until it asks for {@value #READY} again. */
    public synchronized void pageUnloaded() {
        pageReady = false;
    }

    /** Events waiting for the page; for tests and diagnostics. */
    public synchronized int queuedEvents() {
        return queued.size();
    }

    /**
     * Serves one request on the bridge's own threads and hands the reply to {@code replyTo}. After the
     * reply to {@value #READY}, queued events are flushed.
     */
    public void submit(String json, Consumer<BridgeReply> replyTo) {
        try {
            pool.execute(() -> {
                BridgeReply reply = dispatch(json);
                try {
                    replyTo.accept(reply);
                } finally {
                    if (READY.equals(reply.type())) {
                        markReady();
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            replyTo.accept(BridgeReply.failure(null, "CLOSED", "the application is shutting down"));
        }
    }

    /** Serves one request on the calling thread. Never throws: every outcome is a {@link BridgeReply}. */
    public BridgeReply dispatch(String json) {
        JsonObject envelope = parse(json);
        if (envelope == null) {
            return BridgeReply.failure(null, "BAD_REQUEST", "the request is not a JSON object with a type");
        }
        String type = ((JsonString) envelope.get("type")).getString();
        JsonValue payload = envelope.getOrDefault("payload", JsonValue.EMPTY_JSON_OBJECT);
        if (payload.getValueType() == JsonValue.ValueType.NULL) {
            payload = JsonValue.EMPTY_JSON_OBJECT;
        }
        if (payload.getValueType() != JsonValue.ValueType.OBJECT) {
            return BridgeReply.failure(type, "BAD_REQUEST", "the payload must be a JSON object");
        }
        Handler handler = handlers.get(type);
        if (handler == null) {
            return BridgeReply.failure(type, "UNKNOWN_REQUEST", "no such request: " + abbreviate(type));
        }
        LOG.debugf("request %s", type);
        try {
            return BridgeReply.success(type, handler.handle(payload.asJsonObject()));
        } catch (BridgeException e) {
            return BridgeReply.failure(type, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            String correlationId = UUID.randomUUID().toString();
            LOG.errorf(e, "Request %s failed [%s]", type, correlationId);
            return BridgeReply.failure(type, "INTERNAL", "unexpected error, reference " + correlationId);
        }
    }

    /** Stops the handler threads; requests still running finish, new ones are refused. */
    @Override
    public void close() {
        pool.shutdown();
    }

    private void markReady() {
        synchronized (this) {
            if (jsSink == null) {
                return;
            }
            pageReady = true;
            if (!queued.isEmpty()) {
                LOG.debugf("Sending %d queued events to the page", queued.size());
            }
            while (!queued.isEmpty()) {
                jsSink.accept(queued.removeFirst());
            }
        }
    }

    private static JsonObject parse(String json) {
        if (json == null || json.length() > MAX_REQUEST_CHARS) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return null;
            }
            JsonObject object = value.asJsonObject();
            return object.get("type") instanceof JsonString type && !type.getString().isBlank() ? object : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static String jsString(String s) {
        return JSON.createValue(Objects.requireNonNull(s, "event")).toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "alpha01-bridge-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
