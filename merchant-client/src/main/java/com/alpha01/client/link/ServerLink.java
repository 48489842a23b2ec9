package com.alpha01.client.link;

import com.alpha01.client.store.EncryptedStore;
import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The {@code /ws/client} socket of one registered merchant client. Reconnects with exponential
 * backoff and jitter ({@link Backoff}, trying the servers in turn: {@link ServerRotation}); replies
 * wait in the {@link Outbox} until the server acknowledges them and are sent again (same id, so
 * stored once) after a reconnect; a {@link Heartbeat} measures the round trip; what arrives goes
 * through {@link Inbound} (every customer message acknowledged with {@code delivered}, reported once).
 */
public final class ServerLink implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServerLink.class);

    private final ServerRotation servers;
    private final String clientId;
    private final Supplier<String> accessToken;
    private final LinkListener listener;
    private final HttpClient http = ServerTrust.shared().httpClient().connectTimeout(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alpha01-link");
        t.setDaemon(true);
        return t;
    });
    private final Outbox outbox = new Outbox();
    private final SeenMessages seen = new SeenMessages();
    private final Backoff backoff = new Backoff();
    private final Heartbeat heartbeat = new Heartbeat();
    private final Inbound inbound;
    private volatile WorkTally tally = new WorkTally();

    private volatile WebSocket socket;
    private volatile ScheduledFuture<?> pendingReconnect;
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile LinkState state = LinkState.OFFLINE;
    private volatile boolean closed;

    /**
     * @param serverUrl   e.g. {@code http://127.0.0.1:8080}
     * @param clientId    the id the server gave at registration
     * @param accessToken the staff member's current access token (refreshed by the caller)
     */
    public ServerLink(URI serverUrl, String clientId, Supplier<String> accessToken, LinkListener listener) {
        this(List.of(serverUrl), clientId, accessToken, listener);
    }

    /**
     * A link to a cluster reached without a load balancer: the first of {@code serverUrls} that
     * answers is used, and when a connection attempt fails the next one is tried (round robin).
     */
    public ServerLink(List<URI> serverUrls, String clientId, Supplier<String> accessToken, LinkListener listener) {
        UUID id = UUID.fromString(clientId);
        this.servers = new ServerRotation(serverUrls, id);
        this.clientId = id.toString();
        this.accessToken = accessToken;
        this.listener = listener;
        this.inbound = new Inbound(listener, seen, outbox, heartbeat, this::send,
                () -> timer.schedule(() -> outbox.waiting().forEach(this::send), 1, TimeUnit.SECONDS));
    }

    public void start() {
        timer.execute(this::connect);
        timer.scheduleAtFixedRate(() -> {
            if (state == LinkState.ONLINE) {
                ping();
            }
        }, Heartbeat.EVERY_SECONDS, Heartbeat.EVERY_SECONDS, TimeUnit.SECONDS);
        timer.scheduleAtFixedRate(() -> {
            if (state == LinkState.ONLINE) {
                send(tally.report());
            }
        }, REPORT_EVERY_SECONDS, REPORT_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    /** How often the client reports its work to the server ({@link WorkTally}), besides on every connect. */
    static final int REPORT_EVERY_SECONDS = 60;

    /** The app's tally of its work, reported to the server (each link has one of its own until given this). */
    public void reportFrom(WorkTally appTally) {
        this.tally = appTally;
    }

    public WorkTally tally() {
        return tally;
    }

    /** The registered client this link speaks for. */
    public String clientId() {
        return clientId;
    }

    /** The last measured round trip to the server in ms (ping/pong every 10 s), or -1 before the first. */
    public long rttMillis() {
        return heartbeat.rttMillis();
    }

    /** The server this link uses (or tries) now. */
    public URI currentServer() {
        return servers.server();
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
        return reply(conversationId, text, sender, null, null, null);
    }

    /**
     * The same, answering customer message {@code inReplyTo} (its seq), naming what it rests on (null: nothing) and
     * how the assistant came to it (for the shop's figures; null: staff).
     */
    public CompletableFuture<Frame.Ack> reply(String conversationId, String text, Frame.Sender sender, Long inReplyTo,
                                              String source, Frame.AnswerKind kind) {
        String label = source == null || source.length() <= Frame.MAX_SOURCE_LENGTH ? source
                : source.substring(0, Frame.MAX_SOURCE_LENGTH - 1) + "…";
        Frame.Reply frame = new Frame.Reply(UUID.randomUUID().toString().replace("-", ""), conversationId, text, sender,
                inReplyTo, label, kind);
        CompletableFuture<Frame.Ack> acked = outbox.add(frame);
        tally.answered(sender == null ? Frame.Sender.BOT : sender);
        send(frame);
        return acked;
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
    public void persistOutboxIn(EncryptedStore store) {
        outbox.persistIn(store);
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
            ScheduledFuture<?> pending = pendingReconnect;
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
        URI socketUri = servers.socket();
        http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + accessToken.get())
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(socketUri, new LinkReceiver(inbound, ws -> ws == socket,
                        () -> timer.execute(this::scheduleReconnect)))
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        connecting.set(false);
                        // A refused certificate is logged (once per kind) and shown in 状态; never retried over plain text.
                        ServerTrust.shared().noteFailure(failure);
                        LOG.debugf("Connect to %s:%d failed: %s", socketUri.getHost(), socketUri.getPort(),
                                failure.getMessage());
                        servers.next();
                        scheduleReconnect();
                    } else {
                        socket = ws;
                        connecting.set(false);
                        ServerTrust.shared().noteSuccess();
                        backoff.reset();
                        setState(LinkState.ONLINE);
                        heartbeat.heard();
                        ping();
                        // Resume: ask for whatever came after the last message held of each conversation.
                        seen.highest().forEach((conversation, seq) -> send(new Frame.Resume(conversation, seq)));
                        outbox.waiting().forEach(this::send);
                        send(tally.report());
                    }
                });
    }

    /** Measures the round trip (on a fresh link, then every 10 s while online); drops a link gone silent. */
    private void ping() {
        WebSocket ws = socket;
        if (ws == null || closed) {
            return;
        }
        if (heartbeat.silent()) {
            LOG.infof("No word from the server for %d s: dropping the link and connecting again", Heartbeat.SILENT_SECONDS);
            socket = null; // first: the abort's own onError must not schedule a second reconnect
            ws.abort();
            scheduleReconnect();
            return;
        }
        send(heartbeat.ping());
    }

    private void scheduleReconnect() {
        socket = null;
        if (closed) {
            setState(LinkState.CLOSED);
            return;
        }
        setState(LinkState.OFFLINE);
        pendingReconnect = timer.schedule(this::connect, backoff.nextDelayMillis(), TimeUnit.MILLISECONDS);
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
}
