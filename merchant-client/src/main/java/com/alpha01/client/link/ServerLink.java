package com.alpha01.client.link;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import com.alpha01.protocol.ProtocolException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The {@code /ws/client} socket of one registered merchant client. Reconnects with exponential
 * backoff and jitter; replies wait in an outbox until the server acknowledges them and are sent
 * again (same id, so stored once) after a reconnect; every received message is acknowledged with
 * a {@code delivered} frame and reported once.
 */
public final class ServerLink implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServerLink.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final java.util.List<URI> socketUris;
    private final String clientId;
    private final Supplier<String> accessToken;
    private final LinkListener listener;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alpha01-link");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Pending> outbox = new ConcurrentHashMap<>();
    private final SeenMessages seen = new SeenMessages();
    private static final String OUTBOX_RECORD = "outbox";
    private volatile com.alpha01.client.store.EncryptedStore outboxStore;

    private static final long PING_EVERY_SECONDS = 10;
    private volatile long pingNonce;
    private volatile long pingSentNanos;
    private volatile long rttMillis = -1;

    private volatile WebSocket socket;
    private volatile java.util.concurrent.ScheduledFuture<?> pendingReconnect;
    private final java.util.concurrent.atomic.AtomicBoolean connecting = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile LinkState state = LinkState.OFFLINE;
    private volatile boolean closed;
    private int attempt;
    private volatile int server;

    private record Pending(Frame.Reply frame, CompletableFuture<Frame.Ack> acked) {
    }

    /**
     * @param serverUrl   e.g. {@code http://127.0.0.1:8080}
     * @param clientId    the id the server gave at registration
     * @param accessToken the staff member's current access token (refreshed by the caller)
     */
    public ServerLink(URI serverUrl, String clientId, Supplier<String> accessToken, LinkListener listener) {
        this(java.util.List.of(serverUrl), clientId, accessToken, listener);
    }

    /**
     * A link to a cluster reached without a load balancer: the first of {@code serverUrls} that
     * answers is used, and when a connection attempt fails the next one is tried (round robin).
     */
    public ServerLink(java.util.List<URI> serverUrls, String clientId, Supplier<String> accessToken,
            LinkListener listener) {
        if (serverUrls.isEmpty()) {
            throw new IllegalArgumentException("no server URL");
        }
        UUID id = UUID.fromString(clientId);
        this.clientId = id.toString();
        this.socketUris = serverUrls.stream().map(url -> URI.create(url.toString().replaceFirst("^http", "ws")
                .replaceAll("/$", "") + "/ws/client?client_id=" + id)).toList();
        this.accessToken = accessToken;
        this.listener = listener;
    }

    public void start() {
        timer.execute(this::connect);
        // A ping every 10 s keeps the socket alive through proxies and measures the round trip.
        timer.scheduleAtFixedRate(() -> {
            if (state == LinkState.ONLINE) {
                ping();
            }
        }, PING_EVERY_SECONDS, PING_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    /** The registered client this link speaks for. */
    public String clientId() {
        return clientId;
    }

    /** The last measured round trip to the server in ms (ping/pong every 10 s), or -1 before the first. */
    public long rttMillis() {
        return rttMillis;
    }

    /** The server this link uses (or tries) now. */
    public URI currentServer() {
        URI ws = socketUris.get(server);
        return URI.create(ws.toString().replaceFirst("^ws", "http").replaceFirst("/ws/client\\?.*$", ""));
    }

    /**
     * The answer to the customer's message {@code inReplyTo} as written so far (streamed): shown to
     * the customer growing, replaced by the final reply. Never queued: dropped when offline.
     */
    public void draft(String conversationId, long inReplyTo, String textSoFar) {
        if (!textSoFar.isBlank() && textSoFar.length() <= Frame.MAX_TEXT_LENGTH) {
            send(new Frame.Draft(conversationId, inReplyTo, textSoFar));
        }
    }

    /** Staff are typing in a conversation (true) or stopped (false); dropped when offline. */
    public void typing(String conversationId, boolean typing) {
        send(new Frame.Typing(conversationId, typing));
    }

    public LinkState state() {
        return state;
    }

    /** Sends an answer; the future completes when the server has stored it. Offline, it waits in the outbox. */
    public CompletableFuture<Frame.Ack> reply(String conversationId, String text, Frame.Sender sender) {
        return reply(conversationId, text, sender, null);
    }

    /** The same, answering customer message {@code inReplyTo} (its seq). */
    public CompletableFuture<Frame.Ack> reply(String conversationId, String text, Frame.Sender sender, Long inReplyTo) {
        Frame.Reply frame = new Frame.Reply(UUID.randomUUID().toString().replace("-", ""), conversationId, text, sender,
                inReplyTo);
        Pending pending = new Pending(frame, new CompletableFuture<>());
        outbox.put(frame.id(), pending);
        saveOutbox();
        send(frame);
        return pending.acked();
    }

    /**
     * Staff take over, hand back or close a conversation. Needs the connection: the server answers
     * with a {@code state} frame, reported through {@link LinkListener#onConversationState}.
     */
    public void control(Frame.Action action, String conversationId) {
        if (socket == null) {
            throw new IllegalStateException("offline: taking over or handing back needs the server");
        }
        send(new Frame.Control(action, conversationId));
    }

    /**
     * Read receipt: staff have seen the conversation up to customer message {@code seq}. Best
     * effort and cumulative: offline it is skipped, and the next receipt covers it.
     */
    public void read(String conversationId, long seq) {
        send(new Frame.Read(conversationId, seq));
    }

    /**
     * Keeps the outbox in {@code store} (encrypted): replies written while offline survive a
     * restart and go out, once, on the next connection. Call before {@link #start()}; loads what an
     * earlier run left.
     */
    public void persistOutboxIn(com.alpha01.client.store.EncryptedStore store) {
        this.outboxStore = store;
        try {
            store.getString(OUTBOX_RECORD).ifPresent(json -> {
                try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
                    for (var value : reader.readArray()) {
                        Frame frame = FrameCodec.decode(((jakarta.json.JsonString) value).getString());
                        if (frame instanceof Frame.Reply reply) {
                            outbox.put(reply.id(), new Pending(reply, new CompletableFuture<>()));
                        }
                    }
                } catch (ProtocolException | RuntimeException e) {
                    LOG.warnf("The saved outbox could not be read (%s); starting empty", e.getMessage());
                }
            });
        } catch (java.io.IOException e) {
            LOG.warnf("The saved outbox could not be read (%s); starting empty", e.getMessage());
        }
        if (!outbox.isEmpty()) {
            LOG.infof("%d replies written offline will be sent when connected", outbox.size());
        }
    }

    private void saveOutbox() {
        var store = outboxStore;
        if (store == null) {
            return;
        }
        try {
            synchronized (outbox) { // one snapshot at a time: the last write holds the latest outbox
                var array = jakarta.json.Json.createArrayBuilder();
                outbox.values().forEach(p -> array.add(FrameCodec.encode(p.frame())));
                store.putString(OUTBOX_RECORD, array.build().toString());
            }
        } catch (java.io.IOException e) {
            LOG.warnf("The outbox could not be saved: %s", e.getMessage());
        }
    }

    /** Replies not yet acknowledged by the server. */
    public int outboxSize() {
        return outbox.size();
    }

    /**
     * Tries to connect at once instead of waiting out the backoff (the staff member has just
     * signed in, say). Does nothing while connected or already trying.
     */
    public void retryNow() {
        if (!closed && socket == null && !connecting.get()) {
            java.util.concurrent.ScheduledFuture<?> pending = pendingReconnect;
            if (pending != null) {
                pending.cancel(false);
            }
            timer.execute(this::connect);
        }
    }

    private void connect() {
        if (closed || socket != null || !connecting.compareAndSet(false, true)) {
            return;
        }
        setState(LinkState.CONNECTING);
        URI socketUri = socketUris.get(server);
        http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + accessToken.get())
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(socketUri, new Receiver())
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        connecting.set(false);
                        LOG.debugf("Connect to %s:%d failed: %s", socketUri.getHost(), socketUri.getPort(),
                                failure.getMessage());
                        server = (server + 1) % socketUris.size(); // next node, if there are several
                        scheduleReconnect();
                    } else {
                        socket = ws;
                        connecting.set(false);
                        attempt = 0;
                        setState(LinkState.ONLINE);
                        ping();
                        // Resume: ask for whatever came after the last message held of each conversation.
                        seen.highest().forEach((conversation, seq) -> send(new Frame.Resume(conversation, seq)));
                        outbox.values().forEach(p -> send(p.frame()));
                    }
                });
    }

    /** Measures the round trip (on a fresh link, then every 10 s while online). */
    private void ping() {
        if (socket == null || closed) {
            return;
        }
        pingNonce = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        pingSentNanos = System.nanoTime();
        send(new Frame.Ping(pingNonce));
    }

    private void scheduleReconnect() {
        socket = null;
        if (closed) {
            setState(LinkState.CLOSED);
            return;
        }
        setState(LinkState.OFFLINE);
        long base = Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(attempt++, 10));
        long delay = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        pendingReconnect = timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void send(Frame frame) {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        synchronized (this) {
            ws.sendText(FrameCodec.encode(frame), true).exceptionally(e -> {
                LOG.debugf("Send failed: %s", e.getMessage());
                return null;
            }).join();
        }
    }

    private void receive(String text) {
        Frame frame;
        try {
            frame = FrameCodec.decode(text);
        } catch (ProtocolException e) {
            LOG.warnf("Unreadable frame from the server: %s", e.getMessage());
            return;
        }
        if (frame instanceof Frame.Message m) {
            if (seen.firstTime(m.conversationId(), m.seq())) {
                listener.onMessage(m);
            }
            if (m.sender() == Frame.Sender.CUSTOMER) {
                send(new Frame.Delivered(m.conversationId(), m.seq()));
            }
        } else if (frame instanceof Frame.Ack ack) {
            // Our own answer, now stored under ack.seq: a later replay (resume) of it is not news.
            seen.firstTime(ack.conversationId(), ack.seq());
            Pending p = outbox.remove(ack.id());
            if (p != null) {
                saveOutbox();
            }
            if (p != null) {
                p.acked().complete(ack);
            }
        } else if (frame instanceof Frame.State st) {
            listener.onConversationState(st);
        } else if (frame instanceof Frame.Read read) {
            listener.onRead(read);
        } else if (frame instanceof Frame.Welcome w) {
            listener.onWelcome(w);
        } else if (frame instanceof Frame.Error e && e.code() == ErrorCode.RATE_LIMITED) {
            // Refused unread: whatever is still unacknowledged goes again a moment later.
            LOG.debug("Server asks to slow down; resending the outbox in 1 s");
            timer.schedule(() -> outbox.values().forEach(p -> send(p.frame())), 1, TimeUnit.SECONDS);
        } else if (frame instanceof Frame.Error e) {
            LOG.warnf("Server refused a frame: %s %s", e.code(), e.message());
            Pending p = e.ref() == null ? null : outbox.remove(e.ref());
            if (p != null) {
                saveOutbox();
            }
            if (p != null) {
                p.acked().completeExceptionally(new IllegalStateException(e.code() + ": " + e.message()));
            }
            listener.onError(e);
        } else if (frame instanceof Frame.Ping ping) {
            send(new Frame.Pong(ping.nonce()));
        } else if (frame instanceof Frame.Pong pong && pong.nonce() == pingNonce) {
            rttMillis = Math.max(0, (System.nanoTime() - pingSentNanos) / 1_000_000);
        } else if (frame instanceof Frame.Typing typing) {
            listener.onTyping(typing);
        }
    }

    private void setState(LinkState next) {
        if (state != next) {
            state = next;
            listener.onState(next);
        }
    }

    @Override
    public void close() {
        closed = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        timer.shutdownNow();
        setState(LinkState.CLOSED);
    }

    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    receive(text);
                } catch (RuntimeException e) {
                    LOG.error("Handling a frame failed", e);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            LOG.infof("Server closed the link: %d %s", statusCode, reason);
            if (ws == socket) {
                timer.execute(ServerLink.this::scheduleReconnect);
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            LOG.debugf("Link error: %s", error.toString());
            if (ws == socket) {
                timer.execute(ServerLink.this::scheduleReconnect);
            }
        }
    }
}
