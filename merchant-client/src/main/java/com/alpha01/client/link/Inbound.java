package com.alpha01.client.link;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import com.alpha01.protocol.ProtocolException;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * What the server sends the link, each frame to its place: a customer message to the listener
 * once (and a {@code delivered} receipt back), an {@code ack} or a refusal to the {@link Outbox},
 * a pong to the {@link Heartbeat}, a ping answered, state, read and typing frames to the listener.
 */
final class Inbound {

    private static final Logger LOG = Logger.getLogger(Inbound.class);

    private final LinkListener listener;
    private final SeenMessages seen;
    private final Outbox outbox;
    private final Heartbeat heartbeat;
    private final Consumer<Frame> send;
    private final Runnable resendOutboxSoon;

    Inbound(LinkListener listener, SeenMessages seen, Outbox outbox, Heartbeat heartbeat, Consumer<Frame> send,
            Runnable resendOutboxSoon) {
        this.listener = listener;
        this.seen = seen;
        this.outbox = outbox;
        this.heartbeat = heartbeat;
        this.send = send;
        this.resendOutboxSoon = resendOutboxSoon;
    }

    void receive(String text) {
        Frame frame;
        try {
            frame = FrameCodec.decode(text);
        } catch (ProtocolException e) {
            LOG.warnf("Unreadable frame from the server: %s", e.getMessage());
            return;
        }
        heartbeat.heard();
        if (frame instanceof Frame.Message m) {
            if (seen.firstTime(m.conversationId(), m.seq())) {
                listener.onMessage(m);
            }
            if (m.sender() == Frame.Sender.CUSTOMER) {
                send.accept(new Frame.Delivered(m.conversationId(), m.seq()));
            }
        } else if (frame instanceof Frame.Ack ack) {
            // Our own answer, now stored under ack.seq: a later replay (resume) of it is not news.
            seen.firstTime(ack.conversationId(), ack.seq());
            outbox.acknowledged(ack);
        } else if (frame instanceof Frame.State st) {
            listener.onConversationState(st);
        } else if (frame instanceof Frame.Read read) {
            listener.onRead(read);
        } else if (frame instanceof Frame.Welcome w) {
            listener.onWelcome(w);
        } else if (frame instanceof Frame.Error e
                && (e.code() == ErrorCode.RATE_LIMITED || e.code() == ErrorCode.UNAVAILABLE)) {
            // Refused unread (too fast), or not stored (the server's database is away for a moment):
            // whatever is still unacknowledged goes again a moment later, with its own id.
            LOG.debugf("Server refused a frame for now (%s); resending the outbox in 1 s", e.code());
            resendOutboxSoon.run();
        } else if (frame instanceof Frame.Error e) {
            LOG.warnf("Server refused a frame: %s %s", e.code(), e.message());
            outbox.refused(e.ref(), e.code() + ": " + e.message());
            listener.onError(e);
        } else if (frame instanceof Frame.Ping ping) {
            send.accept(new Frame.Pong(ping.nonce()));
        } else if (frame instanceof Frame.Pong pong) {
            heartbeat.pong(pong);
        } else if (frame instanceof Frame.Typing typing) {
            listener.onTyping(typing);
        } else if (frame instanceof Frame.Rated rated) {
            listener.onRated(rated);
        }
    }
}
