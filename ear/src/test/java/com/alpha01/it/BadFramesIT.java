package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bad-input suite's frames (issue 15), generated: truncated and malformed JSON, wrong field types,
 * unknown and misplaced frame types, bad texts, deep nesting, another conversation's ids, reused ids,
 * and texts that are odd but must be kept exactly (XSS and SQL payloads, emoji, right-to-left, combining
 * marks). Each case is one frame followed by a ping: what came back before the pong is its answer,
 * asserted against docs/protocol.md; the socket must stay open, and a real exchange still works after
 * each class. Frames that close a socket by design (oversized, binary) are {@link HostileFramesIT}'s.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadFramesIT {

    private static final BadInputTally TALLY = new BadInputTally("bad-frames");
    private static final AtomicLong NONCE = new AtomicLong(1_000_000);
    /** Under a client socket's burst of 1,000 frames; {@link #CLIENT_REFILL} at 200 a second refills all 1,000. */
    private static final int CLIENT_FRAMES_BEFORE_PAUSE = 800;
    private static final java.time.Duration CLIENT_REFILL = java.time.Duration.ofSeconds(5);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @AfterAll
    static void report() throws Exception {
        TALLY.report(550);
    }

    @Test
    void a_merchant_clients_bad_frames_each_get_their_documented_error_and_the_socket_goes_on() throws Exception {
        try (ChatScene scene = ChatScene.open("bad-client", "有燕麦奶吗")) {
            String other = UUID.randomUUID().toString();
            List<BadFrames.Case> cases = new ArrayList<>(BadFrames.common(scene.conv));
            cases.addAll(BadFrames.forClient(scene.conv, other, scene.question));
            // Two frames a case, over 1,000 in all: past a client socket's burst (1,000 frames, then 200 a second)
            // when the server answers fast, and then a ping is refused RATE_LIMITED, not ponged (a red CI once).
            // A pause after each 800 frames refills the bucket whole, however fast the cases went.
            int sent = 0;
            for (BadFrames.Case c : cases) {
                sent = paced(sent, 2);
                expect(scene.client, c);
            }
            for (BadFrames.Case c : BadFrames.keptTexts()) {
                sent = paced(sent, 1);
                String id = "kept-" + UUID.randomUUID().toString().substring(0, 12);
                expectAck(scene.client, new BadFrames.Case(c.inputClass(), FrameCodec.encode(new Frame.Reply(id, scene.conv,
                        c.frame(), Frame.Sender.STAFF, scene.question)), null), id);
                assertEquals(c.frame(), storedText(scene.conv, id), "kept exactly: " + c.frame());
            }
            stillAnswers(scene, "bad-client-after");
        }
    }

    @Test
    void a_customer_tabs_bad_frames_each_get_their_documented_error_and_the_tab_goes_on() throws Exception {
        try (ChatScene scene = ChatScene.open("bad-customer", null)) {
            List<Peer> tabs = new ArrayList<>(List.of(scene.customer));
            String token = TestEnvironment.newCustomerToken();
            String scan = Customers.scanId(Customers.scan(scene.qr.url()));
            try {
                // A tab may send 20 frames at once, then 5 a second: five tabs of one customer share the cases.
                for (int i = 0; i < 4; i++) {
                    JsonObject s = Customers.json(Customers.openSession(scan, token).body());
                    Peer tab = Peer.connect(Customers.customerSocket(s.getString("ticket")), null);
                    tab.await(Frame.Welcome.class);
                    tabs.add(tab);
                }
                String ownConv = Customers.json(Customers.openSession(scan, token).body()).getString("conversationId");
                List<BadFrames.Case> cases = BadFrames.forCustomer(ownConv, scene.conv);
                assertTrue(cases.size() <= 4 * 9, "the cases fit four tabs' bursts of 20 frames (two per case)");
                for (int i = 0; i < cases.size(); i++) {
                    expect(tabs.get(1 + i % 4), cases.get(i));
                }
                long seq = Customers.say(tabs.get(1), "还能正常聊天吗");
                scene.client.await(Frame.Message.class, m -> m.seq() == seq && m.conversationId().equals(ownConv));
            } finally {
                tabs.subList(1, tabs.size()).forEach(Peer::close);
            }
        }
    }

    /** Frames sent since the last pause once {@code frames} more go out; pauses first when they would not fit. */
    private static int paced(int sent, int frames) throws InterruptedException {
        if (sent + frames <= CLIENT_FRAMES_BEFORE_PAUSE) {
            return sent + frames;
        }
        Thread.sleep(CLIENT_REFILL.toMillis());
        return frames;
    }

    /** Sends the case's frame, then a ping; the errors that came before the pong are the answer. */
    private static void expect(Peer peer, BadFrames.Case c) throws Exception {
        long nonce = NONCE.incrementAndGet();
        int before = peer.seen.size();
        peer.sendRaw(c.frame());
        peer.send(new Frame.Ping(nonce));
        Frame.Pong pong = peer.await(Frame.Pong.class, p -> p.nonce() == nonce);
        List<Frame> answer = peer.seen.subList(before, peer.seen.indexOf(pong));
        List<Frame.Error> errors = answer.stream().filter(Frame.Error.class::isInstance).map(Frame.Error.class::cast)
                .toList();
        String what = c.inputClass() + ": " + abbreviate(c.frame()) + " → " + errors;
        assertEquals(1, errors.size(), what);
        assertEquals(c.expected(), errors.get(0).code(), what);
        assertFalse(peer.closed.isDone(), "socket still open after " + what);
        TALLY.passed(c.inputClass());
    }

    private static void expectAck(Peer peer, BadFrames.Case c, String id) throws Exception {
        peer.sendRaw(c.frame());
        Frame.Ack ack = peer.await(Frame.Ack.class, a -> a.id().equals(id));
        assertTrue(ack.seq() > 0, c.inputClass());
        TALLY.passed(c.inputClass());
    }

    private static String storedText(String conv, String id) throws Exception {
        return (String) Db.query("select body from chat_message where conversation_id = ?::uuid and sender_msg_id = ?",
                conv, id).get(0).get(0);
    }

    private static void stillAnswers(ChatScene scene, String tag) throws Exception {
        long seq = Customers.say(scene.customer, "营业时间？");
        scene.client.await(Frame.Message.class, m -> m.seq() == seq && m.conversationId().equals(scene.conv));
        scene.client.send(new Frame.Reply(tag + "-1", scene.conv, "9 点到 21 点", Frame.Sender.STAFF, seq));
        scene.customer.await(Frame.Message.class, m -> Long.valueOf(seq).equals(m.inReplyTo()));
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "…";
    }
}
