package com.alpha01.it;

import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import com.alpha01.protocol.ProtocolException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test's own WebSocket peer: collects decoded frames and the close code. A customer peer (no
 * bearer token) acknowledges answers with {@code delivered}, as the chat page does.
 */
final class Peer implements WebSocket.Listener, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    /** Every frame received, in order, whether or not a test awaited it. */
    final List<Frame> seen = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;
    private boolean acknowledgesAnswers;
    private final java.util.concurrent.ExecutorService acks = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "it-peer-acks");
        t.setDaemon(true);
        return t;
    });

    static Peer connect(URI uri, String bearer) {
        return connect(uri, bearer, bearer == null);
    }

    /** A customer tab that never acknowledges anything (a page whose receipts get lost). */
    static Peer connectWithoutReceipts(URI uri) {
        return connect(uri, null, false);
    }

    private static Peer connect(URI uri, String bearer, boolean acknowledgeAnswers) {
        Peer peer = new Peer();
        peer.acknowledgesAnswers = acknowledgeAnswers;
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        peer.socket = builder.buildAsync(uri, peer).join();
        return peer;
    }

    void send(Frame frame) {
        sendRaw(FrameCodec.encode(frame));
    }

    synchronized void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame matching {@code test}, skipping others; fails after {@link #WAIT}. */
    <T extends Frame> T await(Class<T> type, Predicate<T> test) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Frame f = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (type.isInstance(f) && test.test(type.cast(f))) {
                return type.cast(f);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " frame within " + WAIT + "; received: "
                + seen.stream().map(Frame::type).toList() + (closed.isDone() ? ", socket closed " + closed.getNow(null) : ""));
    }

    /** Like {@link #await(Class, Predicate)} but gives up after {@code wait}, returning null. */
    <T extends Frame> T poll(Class<T> type, Predicate<T> test, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Frame f = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (type.isInstance(f) && test.test(type.cast(f))) {
                return type.cast(f);
            }
        }
        return null;
    }

    /** The number of frames of this type received so far. */
    long count(Class<? extends Frame> type, Predicate<Frame> test) {
        return seen.stream().filter(type::isInstance).filter(test).count();
    }

    <T extends Frame> T await(Class<T> type) throws InterruptedException {
        return await(type, f -> true);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                Frame frame = FrameCodec.decode(partial.toString());
                seen.add(frame);
                frames.add(frame);
                if (acknowledgesAnswers && frame instanceof Frame.Message m && m.sender() != Frame.Sender.CUSTOMER
                        && !acks.isShutdown()) {
                    acknowledge(m);
                }
            } catch (ProtocolException e) {
                frames.add(new Frame.Error(e.code(), "unreadable frame from server: " + partial, null));
            }
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    /**
     * Sends {@code delivered} for an answer, off the socket's reading thread. The tab may be closing: a
     * frame that arrives after {@link #close()} stopped the sender gets no receipt (the server resends it
     * to the next tab), and no error reaches the socket.
     */
    private void acknowledge(Frame.Message m) {
        try {
            acks.execute(() -> {
                try {
                    send(new Frame.Delivered(m.conversationId(), m.seq()));
                } catch (RuntimeException e) {
                    // closed meanwhile: the server resends to the next tab that opens
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing: see above
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        acks.shutdownNow();
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
    }
}
