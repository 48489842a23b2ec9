package com.alpha01.it;

import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;

/**
 * Sends frames on a JDK WebSocket one after another without blocking the caller: the JDK refuses
 * a send while the previous one is still under way, so each send waits for the one before it.
 * Failed sends are reported to {@code failed}, not thrown (a load generator keeps going and counts them).
 */
final class SerialSender {

    private final WebSocket socket;
    private final Runnable failed;
    private CompletableFuture<?> last = CompletableFuture.completedFuture(null);

    SerialSender(WebSocket socket, Runnable failed) {
        this.socket = socket;
        this.failed = failed;
    }

    /** Queues {@code frame}; the future completes when it is on the wire (false: it could not be sent). */
    synchronized CompletableFuture<Boolean> send(Frame frame) {
        String text = FrameCodec.encode(frame);
        CompletableFuture<Boolean> sent = last.handle((r, e) -> null)
                .thenCompose(x -> socket.sendText(text, true))
                .handle((ws, e) -> {
                    if (e != null) {
                        failed.run();
                        return false;
                    }
                    return true;
                });
        last = sent;
        return sent;
    }

    WebSocket socket() {
        return socket;
    }
}
