package com.alpha01.client.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InboundTest {

    private static final String C = "4b0e8d7a-0000-4000-8000-0000000000c2";

    private final Outbox outbox = new Outbox();
    private final AtomicInteger resends = new AtomicInteger();
    private final List<Frame.Error> told = new ArrayList<>();
    private final Inbound inbound = new Inbound(new LinkListener() {
        @Override
        public void onState(LinkState state) {
        }

        @Override
        public void onMessage(Frame.Message message) {
        }

        @Override
        public void onError(Frame.Error error) {
            told.add(error);
        }
    }, new SeenMessages(), outbox, new Heartbeat(), frame -> { }, resends::incrementAndGet);

    @Test
    void a_reply_the_server_could_not_store_for_now_stays_in_the_outbox_and_goes_again() {
        CompletableFuture<Frame.Ack> acked = outbox.add(new Frame.Reply("reply-u1", C, "您好", Frame.Sender.BOT, 3L));

        inbound.receive(FrameCodec.encode(new Frame.Error(ErrorCode.UNAVAILABLE, "database away", "reply-u1")));

        assertEquals(1, resends.get(), "the outbox goes again a moment later");
        assertEquals(1, outbox.size(), "not given up");
        assertFalse(acked.isDone());
        assertTrue(told.isEmpty(), "nothing to show staff: it is only late");
    }

    @Test
    void a_refusal_for_good_leaves_the_outbox_and_is_told() {
        CompletableFuture<Frame.Ack> acked = outbox.add(new Frame.Reply("reply-c1", C, "您好", Frame.Sender.BOT, 3L));

        inbound.receive(FrameCodec.encode(new Frame.Error(ErrorCode.CONFLICT, "id reused", "reply-c1")));

        assertEquals(0, resends.get());
        assertEquals(0, outbox.size());
        assertTrue(acked.isCompletedExceptionally());
        assertEquals(ErrorCode.CONFLICT, told.get(0).code());
    }
}
