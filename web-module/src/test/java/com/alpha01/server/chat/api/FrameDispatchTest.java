package com.alpha01.server.chat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.protocol.CloseCodes;
import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import com.alpha01.server.chat.application.pacing.RateLimiter;
import com.alpha01.server.platform.error.DomainException;
import jakarta.ejb.EJBException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FrameDispatchTest {

    private final AtomicLong clock = new AtomicLong();
    private final List<Frame> replies = new ArrayList<>();
    private final List<Integer> closes = new ArrayList<>();
    private final List<Frame> handled = new ArrayList<>();

    private FrameDispatch dispatch(int burst) {
        return new FrameDispatch("node/1", new RateLimiter(burst, 1, clock::get), replies::add, closes::add);
    }

    private static String send(String id) {
        return FrameCodec.encode(new Frame.Send(id, "你好"));
    }

    private Frame.Error onlyError() {
        assertEquals(1, replies.size(), "one answer: " + replies);
        return assertInstanceOf(Frame.Error.class, replies.get(0));
    }

    @Test
    void a_decoded_frame_reaches_the_handler_and_a_ping_is_answered_here() {
        FrameDispatch d = dispatch(10);
        d.dispatch(send("msg-0000001"), handled::add);
        assertEquals(List.of(new Frame.Send("msg-0000001", "你好")), handled);
        d.dispatch(FrameCodec.encode(new Frame.Ping(42)), handled::add);
        assertEquals(List.of(new Frame.Pong(42)), replies);
        assertEquals(1, handled.size(), "a ping never reaches the endpoint");
    }

    @Test
    void what_does_not_decode_is_answered_with_its_code_and_never_handled() {
        FrameDispatch d = dispatch(10);
        d.dispatch("not json", handled::add);
        assertEquals(ErrorCode.BAD_FRAME, onlyError().code());
        replies.clear();
        d.dispatch("{\"type\":\"send\",\"id\":\"msg-0000002\",\"text\":\"   \"}", handled::add);
        assertEquals(ErrorCode.BAD_TEXT, onlyError().code());
        replies.clear();
        d.dispatch("{\"type\":\"launch\"}", handled::add);
        assertEquals(ErrorCode.UNKNOWN_TYPE, onlyError().code());
        assertTrue(handled.isEmpty());
        assertTrue(closes.isEmpty(), "bad input never closes the socket");
    }

    @Test
    void a_refusal_keeps_its_code_and_names_the_frame_it_refuses() {
        FrameDispatch d = dispatch(10);
        d.dispatch(send("msg-0000003"), f -> {
            throw new DomainException(ErrorCode.CONFLICT, "this message id was already used for another text");
        });
        Frame.Error e = onlyError();
        assertEquals(ErrorCode.CONFLICT, e.code());
        assertEquals("msg-0000003", e.ref());
        assertEquals("this message id was already used for another text", e.message());
        replies.clear();
        d.dispatch(FrameCodec.encode(new Frame.Read(UUID.randomUUID().toString(), 1)), f -> {
            throw new EJBException(new DomainException(ErrorCode.NOT_FOUND, "no such conversation"));
        });
        e = onlyError();
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertNull(e.ref(), "a read has no id to refer to");
    }

    @Test
    void an_unexpected_failure_is_a_server_error_with_a_correlation_id_and_no_detail() {
        FrameDispatch d = dispatch(10);
        d.dispatch(send("msg-0000004"), f -> {
            throw new IllegalStateException("secret detail of the database");
        });
        Frame.Error e = onlyError();
        assertEquals(ErrorCode.SERVER_ERROR, e.code());
        assertEquals("msg-0000004", e.ref());
        assertTrue(e.message().startsWith("internal error, correlationId "), e.message());
        assertFalse(e.message().contains("secret"));
        replies.clear();
        d.dispatch(send("msg-0000005"), f -> {
            throw new EJBException(new RuntimeException("also secret"));
        });
        assertEquals(ErrorCode.SERVER_ERROR, onlyError().code());
    }

    @Test
    void a_database_out_of_reach_is_unavailable_for_the_frame_so_that_its_sender_resends_it() {
        FrameDispatch d = dispatch(10);
        d.dispatch(send("msg-0000006"), f -> {
            throw new EJBException(new jakarta.persistence.PersistenceException(
                    new java.sql.SQLException("Connection refused", "08001")));
        });
        Frame.Error e = onlyError();
        assertEquals(ErrorCode.UNAVAILABLE, e.code());
        assertEquals("msg-0000006", e.ref(), "the sender knows which frame to send again");
    }

    @Test
    void a_server_being_stopped_under_the_socket_closes_it_as_going_away_once_and_logs_no_fault() {
        FrameDispatch d = dispatch(10);
        for (int i = 0; i < 5; i++) {
            d.dispatch(send("msg-stop-00" + i), f -> {
                throw new EJBException(new IllegalStateException("Service is not installed"));
            });
        }
        assertEquals(List.of(CloseCodes.GOING_AWAY), closes);
        assertTrue(replies.isEmpty(), "no SERVER_ERROR for each frame still queued");
    }

    @Test
    void frames_over_the_rate_are_dropped_unread_answered_sparingly_and_a_flood_closes_with_policy() {
        FrameDispatch d = dispatch(2);
        d.dispatch(send("msg-0000010"), handled::add);
        d.dispatch(send("msg-0000011"), handled::add);
        assertEquals(2, handled.size());
        for (int refused = 1; refused < FrameDispatch.FLOOD_CLOSE_AFTER; refused++) {
            d.dispatch(send("msg-flood-" + refused), handled::add);
        }
        assertEquals(2, handled.size(), "nothing over the rate is handled");
        // Answered on the first refusal and every tenth after: 1, 10, 20, 30, 40.
        assertEquals(5, replies.size());
        replies.forEach(r -> assertEquals(ErrorCode.RATE_LIMITED, ((Frame.Error) r).code()));
        assertTrue(closes.isEmpty());
        d.dispatch(send("msg-flood-50"), handled::add);
        assertEquals(List.of(CloseCodes.POLICY), closes, "the 50th refusal in a row closes the socket (1008)");
        int answered = replies.size();
        for (int late = 0; late < 500; late++) {
            d.dispatch(send("msg-late-" + late), handled::add);
        }
        assertEquals(List.of(CloseCodes.POLICY), closes, "frames already on their way close nothing again");
        assertEquals(answered, replies.size(), "and are dropped without an answer");
        assertEquals(2, handled.size());
    }

    /** A node whose backlog the test sets. */
    private static final class Load implements FrameDispatch.NodeLoad {
        boolean lagging;
        boolean shedding;

        @Override
        public boolean lagging() {
            return lagging;
        }

        @Override
        public boolean shedding() {
            return shedding;
        }
    }

    @Test
    void a_merchant_clients_socket_is_only_refused_for_its_rate_never_closed() {
        FrameDispatch d = new FrameDispatch("node/2", new RateLimiter(1, 1, clock::get), replies::add, closes::add,
                false, FrameDispatch.NodeLoad.IDLE);
        for (int i = 0; i < 3 * FrameDispatch.FLOOD_CLOSE_AFTER; i++) {
            d.dispatch(send("msg-client-" + i), handled::add);
        }
        assertTrue(closes.isEmpty(), "a merchant client is not cut off");
        assertEquals(1, handled.size());
        replies.forEach(r -> assertEquals(ErrorCode.RATE_LIMITED, ((Frame.Error) r).code()));
        clock.addAndGet(1_000_000_000L);
        d.dispatch(send("msg-client-after"), handled::add);
        assertEquals(2, handled.size(), "served again once it slows down");
    }

    @Test
    void a_customer_is_not_closed_for_a_flood_while_the_node_lags_its_frames_were_only_handled_late() {
        Load load = new Load();
        load.lagging = true;
        FrameDispatch d = new FrameDispatch("node/3", new RateLimiter(1, 1, clock::get), replies::add, closes::add,
                true, load);
        for (int i = 0; i < 3 * FrameDispatch.FLOOD_CLOSE_AFTER; i++) {
            d.dispatch(send("msg-late-" + i), handled::add);
        }
        assertTrue(closes.isEmpty());

        load.lagging = false;
        for (int i = 0; i < FrameDispatch.FLOOD_CLOSE_AFTER; i++) {
            d.dispatch(send("msg-flood-" + i), handled::add);
        }
        assertEquals(List.of(CloseCodes.POLICY), closes, "once the node is on time, a flood is the peer's");
    }

    @Test
    void a_question_refused_for_the_nodes_load_still_shows_the_customer_is_there_a_receipt_does_not() {
        Load load = new Load();
        load.shedding = true;
        java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();
        FrameDispatch d = new FrameDispatch("node/5", new RateLimiter(100, 100, clock::get), replies::add, closes::add,
                true, load).onPeerActivity(active::incrementAndGet);

        d.dispatch(send("msg-shed-02"), handled::add);
        assertEquals(ErrorCode.UNAVAILABLE, onlyError().code());
        assertEquals(1, active.get(), "refused, yet the customer's own doing: not idle");
        d.dispatch(FrameCodec.encode(new Frame.Delivered("4b0e8d7a-0000-4000-8000-0000000000c5", 5)), handled::add);
        d.dispatch(FrameCodec.encode(new Frame.Ping(7)), handled::add);
        assertEquals(1, active.get(), "receipts and pings are automatic: no sign of the customer");
        load.shedding = false;
        d.dispatch(FrameCodec.encode(new Frame.Typing("4b0e8d7a-0000-4000-8000-0000000000c5", true)), handled::add);
        assertEquals(2, active.get());
    }

    @Test
    void a_shedding_node_refuses_new_questions_unavailable_with_their_id_and_still_handles_everything_else() {
        Load load = new Load();
        load.shedding = true;
        FrameDispatch d = new FrameDispatch("node/4", new RateLimiter(100, 100, clock::get), replies::add, closes::add,
                true, load);

        d.dispatch(send("msg-shed-01"), handled::add);
        d.dispatch(FrameCodec.encode(new Frame.Delivered("4b0e8d7a-0000-4000-8000-0000000000c3", 4)), handled::add);

        Frame.Error refused = onlyError();
        assertEquals(ErrorCode.UNAVAILABLE, refused.code());
        assertEquals("msg-shed-01", refused.ref());
        assertEquals(1, handled.size(), "the receipt went through");
        assertTrue(handled.get(0) instanceof Frame.Delivered);

        load.shedding = false;
        replies.clear();
        d.dispatch(send("msg-shed-01"), handled::add);
        assertEquals(2, handled.size(), "resent once the node caught up: taken");
        assertTrue(replies.isEmpty());
    }

    @Test
    void a_peer_that_slows_down_is_served_again() {
        FrameDispatch d = dispatch(1);
        d.dispatch(send("msg-0000020"), handled::add);
        d.dispatch(send("msg-0000021"), handled::add);
        assertEquals(ErrorCode.RATE_LIMITED, onlyError().code());
        clock.addAndGet(1_000_000_000L); // one frame a second refills
        d.dispatch(send("msg-0000022"), handled::add);
        assertEquals(2, handled.size());
        assertTrue(closes.isEmpty());
    }

    @Test
    void a_type_the_socket_does_not_accept_is_named_in_the_refusal() {
        Frame.Error e = FrameDispatch.unknownType(new Frame.Draft(UUID.randomUUID().toString(), 1, "x"));
        assertEquals(ErrorCode.UNKNOWN_TYPE, e.code());
        assertTrue(e.message().contains("'draft'"), e.message());
    }
}
