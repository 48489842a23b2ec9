package com.alpha01.it;

import com.alpha01.devstack.TokenClient;
import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import com.alpha01.protocol.ProtocolException;
import java.net.URI;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * One customer of the routing benchmark, on either target (Alpha 01 or the bare relay): sends
 * {@code send} frames when {@link BenchLoad} says so, and times the {@code ack} (stored) and the
 * answer that names the question ({@code inReplyTo}): the customer → server → client → server →
 * customer round trip. Answers are acknowledged with {@code delivered}, as the chat page does; an
 * answer arriving twice (a resend) is counted as a duplicate and not acknowledged again.
 */
final class BenchCustomer implements WebSocket.Listener {

    /** Close code recorded for a socket that failed without a close frame. */
    private static final int ABNORMAL = 1006;

    private final int number;
    private volatile BenchLoad.Tally tally;
    private final StringBuilder partial = new StringBuilder();
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    /** Send time of each stored question, by its seq (filled by the ack). */
    private final Map<Long, Long> questionAt = new ConcurrentHashMap<>();
    /** Answers that overtook their question's ack: arrival time by the question's seq. */
    private final Map<Long, Long> earlyAnswers = new ConcurrentHashMap<>();
    private final Set<Long> received = ConcurrentHashMap.newKeySet();
    /** Questions of the current tally stored and not answered yet, by seq. */
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    /** The assistant handed the conversation to staff (a {@code state} frame said HUMAN). */
    private volatile boolean handedOver;
    private final CompletableFuture<Frame.Welcome> welcome = new CompletableFuture<>();
    private volatile boolean closing;
    private volatile SerialSender sender;
    private final AtomicInteger questions = new AtomicInteger();
    /** The text of question k (1, 2, …); the routing benchmark's by default. */
    private volatile IntFunction<String> texts = k -> "第" + k + "个问题：营业到几点？";

    private BenchCustomer(int number, BenchLoad.Tally tally) {
        this.number = number;
        this.tally = tally;
    }

    /** Opens the customer's socket at {@code uri} and waits for the server's {@code welcome}. */
    static BenchCustomer connect(HttpClient http, URI uri, int number, BenchLoad.Tally tally) {
        BenchCustomer customer = new BenchCustomer(number, tally);
        http.newWebSocketBuilder().buildAsync(uri, customer).join();
        customer.welcome.orTimeout(Peer.WAIT.toSeconds(), TimeUnit.SECONDS).join();
        return customer;
    }

    /**
     * A customer entering the real way: scans {@code qrUrl}, signs in as {@code account} (password grant,
     * as the tests' customers do), opens the chat session and connects.
     */
    static BenchCustomer enter(HttpClient http, String qrUrl, TestEnvironment.Account account, int number,
            BenchLoad.Tally tally) throws Exception {
        String scanId = Customers.scanId(Customers.scan(qrUrl));
        String token = TokenClient.passwordGrant(TestEnvironment.issuer(), "customer-web", account.username(),
                account.password().toCharArray());
        HttpResponse<String> opened = Customers.openSession(scanId, token);
        if (opened.statusCode() != 200) {
            throw new IllegalStateException("chat session refused: " + opened.statusCode() + " " + opened.body());
        }
        JsonObject session = Customers.json(opened.body());
        return connect(http, Customers.customerSocket(session.getString("ticket")), number, tally);
    }

    /** Writes its next question; the clock starts now. Ids never repeat (a repeated id is stored only once). */
    void ask() {
        int k = questions.incrementAndGet();
        String id = "bench-" + number + "-" + k;
        sentAt.put(id, System.nanoTime());
        tally.asked.incrementAndGet();
        sender.send(new Frame.Send(id, texts.apply(k))).thenAccept(ok -> {
            if (ok) {
                tally.sent.incrementAndGet();
            } else {
                tally.unsent.incrementAndGet();
            }
        });
    }

    /** From now on, question k says {@code texts.apply(k)} (the end-to-end benchmark asks what a shop is asked). */
    void asking(IntFunction<String> texts) {
        this.texts = texts;
    }

    /** From now on, figures go to {@code next} (after a warm-up). */
    void measureInto(BenchLoad.Tally next) {
        tally = next;
        pending.clear();
    }

    /**
     * At the end of a run: the questions still unanswered in a conversation the assistant handed to
     * staff are counted as {@link BenchLoad.Tally#leftToStaff} (a bot answer there is refused by
     * design); in any other conversation they stay missing answers.
     */
    void settle() {
        if (handedOver) {
            tally.leftToStaff.addAndGet(pending.size());
            pending.clear();
        }
    }

    boolean handedOver() {
        return handedOver;
    }

    @Override
    public void onOpen(WebSocket ws) {
        sender = new SerialSender(ws, () -> tally.errors.incrementAndGet());
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long now = System.nanoTime();
            try {
                handle(FrameCodec.decode(partial.toString()), now);
            } catch (ProtocolException e) {
                tally.errors.incrementAndGet();
            }
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    private void handle(Frame frame, long now) {
        if (frame instanceof Frame.Welcome w) {
            welcome.complete(w);
        } else if (frame instanceof Frame.Ack a) {
            Long at = sentAt.remove(a.id());
            if (at != null) {
                tally.ack.add(now - at);
                questionAt.put(a.seq(), at);
                Long answered = earlyAnswers.remove(a.seq());
                if (answered != null) {
                    answered(answered - at, answered);
                } else {
                    pending.add(a.seq());
                }
            }
        } else if (frame instanceof Frame.Message m && m.sender() != Frame.Sender.CUSTOMER) {
            if (!received.add(m.seq())) {
                tally.duplicates.incrementAndGet();
                return;
            }
            sender.send(new Frame.Delivered(m.conversationId(), m.seq()));
            if (m.inReplyTo() != null) {
                Long asked = questionAt.get(m.inReplyTo());
                if (asked != null) {
                    pending.remove(m.inReplyTo());
                    answered(now - asked, now);
                } else {
                    earlyAnswers.put(m.inReplyTo(), now);
                }
            }
        } else if (frame instanceof Frame.State st && "HUMAN".equals(st.state())) {
            handedOver = true;
        } else if (frame instanceof Frame.Error e) {
            tally.errors.incrementAndGet();
            if (e.code() == com.alpha01.protocol.ErrorCode.UNAVAILABLE) {
                tally.shed.incrementAndGet(); // not resent: the load generator keeps its open-loop rate
            }
        }
    }

    private void answered(long roundTrip, long at) {
        tally.roundTrip.add(roundTrip);
        tally.answered(at);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        if (!closing) {
            tally.errors.incrementAndGet();
            tally.closes.merge(statusCode, 1, Integer::sum);
        }
        welcome.completeExceptionally(new IllegalStateException("closed " + statusCode + " before the welcome"));
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        if (!closing) {
            tally.errors.incrementAndGet();
            tally.closes.merge(ABNORMAL, 1, Integer::sum);
        }
        welcome.completeExceptionally(error);
    }

    /** Leaves: a normal close, not counted as an error. */
    void close() {
        closing = true;
        WebSocket socket = sender.socket();
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
    }
}
