package com.alpha01.it;

import com.alpha01.devstack.TokenClient;
import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import com.alpha01.protocol.ProtocolException;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * A customer of the fault suite, doing what the chat page does (web-module's {@code chat/js/socket.js})
 * so that the counts are what a real customer would see: every question keeps its id until it is
 * acknowledged; a retryable refusal ({@code UNAVAILABLE}, {@code RATE_LIMITED}, {@code SERVER_ERROR})
 * sends it again after a back-off; a lost socket is opened again (a fresh session and ticket, signing in
 * again when the token expired, scanning again when the entry did) with {@code since} = the newest
 * message held, and everything unacknowledged is sent again, paced within the socket's frame rate; a
 * socket closed as idle (4003) is opened again when the customer next writes. It prefers its own node and, while that
 * node is down, goes to the next one, as a load balancer would send it. Answers are acknowledged with
 * {@code delivered}; each answer is kept by the question it names, so that an answer shown twice (two
 * different answers to one question) and a copy resent (the same seq again) are told apart.
 */
final class FaultCustomer implements WebSocket.Listener {

    private static final Logger LOG = Logger.getLogger(FaultCustomer.class);
    /** What the page sends again (socket.js RETRYABLE). */
    static final Set<ErrorCode> RETRYABLE = EnumSet.of(ErrorCode.UNAVAILABLE, ErrorCode.RATE_LIMITED,
            ErrorCode.SERVER_ERROR);
    private static final long MAX_BACKOFF_MS = 5_000;
    /** What it sends is paced as the page paces it (socket.js): a burst of 10 frames, then one each 250 ms. */
    private static final int SEND_BURST = 10;
    private static final long SEND_EVERY_MS = 250;
    /** Close codes after which the page waits for the customer (idle 4003, too many tabs 4004). */
    private static final Set<Integer> WAIT_FOR_CUSTOMER = Set.of(4003, 4004);

    /** One question: its window, text, and the seq it was stored under once acknowledged. */
    static final class Question {
        final String id;
        final String text;
        final FaultWindow window;
        final AtomicInteger retries = new AtomicInteger();
        volatile long seq;
        final Set<Long> answers = ConcurrentHashMap.newKeySet();

        Question(String id, String text, FaultWindow window) {
            this.id = id;
            this.text = text;
            this.window = window;
        }
    }

    private final int number;
    private final String qrUrl;
    private final TestEnvironment.Account account;
    private final List<URI> nodes;
    private final HttpClient http;
    private final ScheduledExecutorService clock;
    private final ExecutorService connector;
    private final Map<String, Question> pending = new ConcurrentHashMap<>();
    private final Map<Long, Question> bySeq = new ConcurrentHashMap<>();
    /** Answers that came before their question's ack: answer seqs by question seq. */
    private final Map<Long, Set<Long>> early = new ConcurrentHashMap<>();
    private final Set<Long> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicBoolean connecting = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    private volatile SerialSender sender;
    private volatile FaultWindow window;
    private volatile String token;
    private volatile String scanId;
    private volatile long maxSeq;
    private volatile int attempt;
    private volatile boolean closing;
    private volatile String conversationId;
    private volatile boolean welcomed;
    /** Closed as idle: connects again when the customer writes (socket.js wake()). */
    private volatile boolean idle;
    /** Frames waiting for the pace (a question at most once); guarded by {@code this}. */
    private final java.util.ArrayDeque<Frame> queue = new java.util.ArrayDeque<>();
    private double tokens = SEND_BURST;
    private long refilledAt = System.nanoTime();
    private boolean drainScheduled;
    private boolean flushScheduled;

    private FaultCustomer(int number, String qrUrl, TestEnvironment.Account account, List<URI> nodes, HttpClient http,
            ScheduledExecutorService clock, ExecutorService connector, FaultWindow window) {
        this.number = number;
        this.qrUrl = qrUrl;
        this.account = account;
        this.nodes = nodes;
        this.http = http;
        this.clock = clock;
        this.connector = connector;
        this.window = window;
    }

    /**
     * Customer {@code number} scans {@code qrUrl}, signs in as {@code account} and connects to the first
     * of {@code nodes} that lets it in; returns once the server said {@code welcome}.
     */
    static FaultCustomer enter(int number, String qrUrl, TestEnvironment.Account account, List<URI> nodes,
            HttpClient http, ScheduledExecutorService clock, ExecutorService connector, FaultWindow window)
            throws Exception {
        FaultCustomer c = new FaultCustomer(number, qrUrl, account, nodes, http, clock, connector, window);
        c.connecting.set(true);
        if (!c.connect()) {
            throw new IllegalStateException("customer " + number + " could not enter");
        }
        Waits.until("customer " + number + " welcomed", () -> c.welcomed);
        return c;
    }

    String conversationId() {
        return conversationId;
    }

    /** From now on new questions belong to {@code next}. */
    void countInto(FaultWindow next) {
        window = next;
    }

    /** Asks the next question; it is sent now if the socket is open, else when it opens again. */
    void ask() {
        FaultWindow w = window;
        int k = asked.incrementAndGet();
        Question q = new Question(w.prefix() + number + "-" + k, "第" + k + "个问题：营业到几点？", w);
        w.asked.incrementAndGet();
        pending.put(q.id, q);
        if (idle) {
            idle = false;
            reconnectLater();
        } else {
            send(q);
        }
    }

    /** Questions of {@code w} still unacknowledged. */
    long unacknowledged(FaultWindow w) {
        return pending.values().stream().filter(q -> q.window == w).count();
    }

    /** Acknowledged questions of {@code w}: their ids and answers. */
    List<Question> acknowledged(FaultWindow w) {
        return bySeq.values().stream().filter(q -> q.window == w).toList();
    }

    private void send(Question q) {
        send(new Frame.Send(q.id, q.text));
    }

    /** Queues a frame for the open socket (socket.js send()): a question already waiting is not queued twice. */
    private synchronized void send(Frame frame) {
        SerialSender s = sender;
        if (s == null || s.socket().isOutputClosed()) {
            return;
        }
        if (frame instanceof Frame.Send f
                && queue.stream().anyMatch(w -> w instanceof Frame.Send o && o.id().equals(f.id()))) {
            return;
        }
        queue.add(frame);
        drain();
    }

    /** Sends what the pace allows now; the rest a little later (socket.js drain()). */
    private synchronized void drain() {
        drainScheduled = false;
        long now = System.nanoTime();
        tokens = Math.min(SEND_BURST, tokens + (now - refilledAt) / (SEND_EVERY_MS * 1e6));
        refilledAt = now;
        SerialSender s = sender;
        while (!queue.isEmpty() && tokens >= 1 && s != null && !s.socket().isOutputClosed()) {
            Frame frame = queue.poll();
            if (frame instanceof Frame.Send f && !pending.containsKey(f.id())) {
                continue; // acknowledged meanwhile
            }
            s.send(frame);
            tokens -= 1;
        }
        if (!queue.isEmpty() && !drainScheduled) {
            drainScheduled = true;
            clock.schedule(this::drain, SEND_EVERY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Sends every unacknowledged question again, paced like everything else. */
    private void flushPending() {
        pending.values().forEach(this::send);
    }

    /** One flush 2 s from now, however many refusals ask for it meanwhile. */
    private synchronized void flushLater() {
        if (!flushScheduled) {
            flushScheduled = true;
            clock.schedule(() -> {
                synchronized (this) {
                    flushScheduled = false;
                }
                flushPending();
            }, 2, TimeUnit.SECONDS);
        }
    }

    /** Opens a session and a socket; false (and tried again later) when no node lets it in now. */
    private boolean connect() {
        try {
            for (URI node : nodes) {
                JsonObject session = openSession(node);
                if (session == null) {
                    continue;
                }
                conversationId = session.getString("conversationId");
                String since = maxSeq > 0 ? "&since=" + maxSeq : "";
                URI socket = URI.create(node.toString().replaceFirst("^http", "ws") + "/ws/customer?ticket="
                        + session.getString("ticket") + since);
                try {
                    http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(socket, this)
                            .get(15, TimeUnit.SECONDS);
                    return true;
                } catch (Exception e) {
                    LOG.debugf("customer %d: socket on %s failed: %s", number, node, e);
                }
            }
        } catch (Exception | AssertionError e) { // AssertionError: a scan refused (Customers.scanId)
            LOG.debugf("customer %d: could not connect: %s", number, e);
        }
        connecting.set(false);
        reconnectLater();
        return false;
    }

    /** POST /api/v1/customer/sessions on {@code node}; null when this node cannot take it now. */
    private JsonObject openSession(URI node) throws Exception {
        for (int tries = 0; tries < 3; tries++) {
            if (token == null) {
                token = TokenClient.passwordGrant(TestEnvironment.issuer(), "customer-web", account.username(),
                        account.password().toCharArray());
            }
            if (scanId == null) {
                scanId = Customers.scanId(Customers.scan(qrUrl));
            }
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(node.resolve("/api/v1/customer/sessions"))
                        .timeout(Duration.ofSeconds(15))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"scan\":\"" + scanId + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                return null; // node down: the next one
            }
            switch (r.statusCode()) {
                case 200 -> {
                    return Customers.json(r.body());
                }
                case 401 -> token = null; // expired: sign in again
                case 403, 404 -> scanId = null; // the entry expired: scan again
                default -> {
                    return null; // 503 (database away), 429, 5xx: this node, not now
                }
            }
        }
        return null;
    }

    private void reconnectLater() {
        if (closing || !connecting.compareAndSet(false, true)) {
            return;
        }
        window.reconnects.incrementAndGet();
        clock.schedule(() -> connector.execute(this::connect), backoff(attempt++), TimeUnit.MILLISECONDS);
    }

    private static long backoff(int attempt) {
        long base = Math.min(MAX_BACKOFF_MS, 250L << Math.min(attempt, 5));
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    @Override
    public void onOpen(WebSocket ws) {
        sender = new SerialSender(ws, () -> { });
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                handle(FrameCodec.decode(partial.toString()));
            } catch (ProtocolException e) {
                window.otherErrors.merge("undecodable frame", 1, Integer::sum);
            }
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    private void handle(Frame frame) {
        if (frame instanceof Frame.Welcome) {
            attempt = 0;
            welcomed = true;
            connecting.set(false);
            synchronized (this) {
                queue.clear(); // meant for the last socket: what is unacknowledged goes again now
            }
            flushPending();
        } else if (frame instanceof Frame.Ack a) {
            Question q = pending.remove(a.id());
            if (q != null) {
                q.seq = a.seq();
                bySeq.put(a.seq(), q);
                Set<Long> answers = early.remove(a.seq());
                if (answers != null) {
                    q.answers.addAll(answers);
                }
            }
        } else if (frame instanceof Frame.Message m && m.sender() != Frame.Sender.CUSTOMER) {
            maxSeq = Math.max(maxSeq, m.seq());
            if (!seen.add(m.seq())) {
                (m.inReplyTo() != null && bySeq.containsKey(m.inReplyTo()) ? bySeq.get(m.inReplyTo()).window : window)
                        .resentCopies.incrementAndGet();
                return;
            }
            send(new Frame.Delivered(m.conversationId(), m.seq()));
            if (m.inReplyTo() != null) {
                Question q = bySeq.get(m.inReplyTo());
                if (q != null) {
                    q.answers.add(m.seq());
                } else {
                    early.computeIfAbsent(m.inReplyTo(), k -> ConcurrentHashMap.newKeySet()).add(m.seq());
                }
            }
        } else if (frame instanceof Frame.Message m) {
            maxSeq = Math.max(maxSeq, m.seq());
        } else if (frame instanceof Frame.Ping p) {
            sender.send(new Frame.Pong(p.nonce()));
        } else if (frame instanceof Frame.Error e) {
            Question q = e.ref() == null ? null : pending.get(e.ref());
            if (q != null && RETRYABLE.contains(e.code())) {
                q.window.refusals.merge(e.code(), 1, Integer::sum);
                clock.schedule(() -> {
                    if (pending.containsKey(q.id)) {
                        send(q);
                    }
                }, backoff(q.retries.getAndIncrement()), TimeUnit.MILLISECONDS);
            } else if (e.ref() == null && RETRYABLE.contains(e.code())) {
                // A receipt refused for now, or frames over the rate dropped: the unacknowledged go again, paced.
                window.refusals.merge(e.code(), 1, Integer::sum);
                if (!pending.isEmpty()) {
                    flushLater();
                }
            } else {
                window.otherErrors.merge(e.code().name(), 1, Integer::sum);
            }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        lost(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        lost(1006);
    }

    private void lost(int code) {
        if (closing) {
            return;
        }
        window.closes.merge(code, 1, Integer::sum);
        sender = null;
        connecting.set(false);
        if (WAIT_FOR_CUSTOMER.contains(code)) {
            idle = true;
        } else {
            reconnectLater();
        }
    }

    /** Leaves: a normal close. */
    void close() {
        closing = true;
        SerialSender s = sender;
        if (s != null && !s.socket().isOutputClosed()) {
            s.socket().sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
    }
}
