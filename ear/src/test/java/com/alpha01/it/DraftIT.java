package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drafts on the wire: an answer the client's assistant is still writing reaches the customer's
 * tab as it grows, in order, thinned to five a second with the newest text always arriving;
 * refused for a conversation the client does not hold and from customers; never stored,
 * acknowledged or resent; the answer itself then arrives as a normal stored message.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DraftIT {

    /** Longer than the resend interval of the ITs (3 s): what would be resent has been by then. */
    private static final Duration QUIET = Duration.ofSeconds(4);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void drafts_grow_on_the_customer_tab_then_the_answer_arrives_and_nothing_of_them_is_stored() throws Exception {
        try (ChatScene scene = ChatScene.withOtherClient("draft", "热巧克力有燕麦奶的吗")) {
            // The answer grows draft by draft; each one reaches the tab, in order (sent as
            // fast as the tab shows them: the ones inside 200 ms of the last come when it is up).
            List<String> growing = List.of("有的，", "有的，燕麦奶", "有的，燕麦奶热巧克力",
                    "有的，燕麦奶热巧克力加 3 元。");
            for (String text : growing) {
                scene.client.send(new Frame.Draft(scene.conv, scene.question, text));
                Frame.Draft shown = scene.customer.await(Frame.Draft.class);
                assertEquals(new Frame.Draft(scene.conv, scene.question, text), shown, "the next draft, whole");
            }

            // A stream faster than 5 a second: thinned, in order, growing, and its last text arrives.
            StringBuilder answer = new StringBuilder(growing.get(growing.size() - 1));
            long start = System.nanoTime();
            for (int i = 0; i < 40; i++) {
                answer.append(i % 2 == 0 ? "好" : "的");
                scene.client.send(new Frame.Draft(scene.conv, scene.question, answer.toString()));
            }
            long sentWithinMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
            String last = answer.toString();
            scene.customer.await(Frame.Draft.class, d -> d.text().equals(last));
            assertNull(scene.customer.poll(Frame.Draft.class, d -> true, Duration.ofSeconds(1)),
                    "the last draft is the last one relayed");
            List<String> streamed = scene.customer.seen.stream().filter(Frame.Draft.class::isInstance)
                    .map(f -> ((Frame.Draft) f).text()).toList();
            for (int i = 1; i < streamed.size(); i++) {
                assertTrue(streamed.get(i).startsWith(streamed.get(i - 1))
                        && streamed.get(i).length() > streamed.get(i - 1).length(), "in order, growing: " + streamed);
            }
            long ofTheBurst = streamed.size() - growing.size();
            assertTrue(ofTheBurst < 40 && ofTheBurst <= sentWithinMs / 200 + 2,
                    ofTheBurst + " of 40 drafts sent within " + sentWithinMs + " ms were relayed");

            // Someone else's conversation, or a question that does not exist: refused like typing.
            scene.client.send(new Frame.Draft(UUID.randomUUID().toString(), 1, "不是你的会话"));
            assertEquals(ErrorCode.NOT_FOUND, scene.client.await(Frame.Error.class).code());
            scene.otherClient.send(new Frame.Draft(scene.conv, scene.question, "别家的草稿"));
            assertEquals(ErrorCode.NOT_FOUND, scene.otherClient.await(Frame.Error.class).code());
            scene.client.send(new Frame.Draft(scene.conv, scene.question + 5, "还没问的问题"));
            assertEquals(ErrorCode.BAD_FRAME, scene.client.await(Frame.Error.class).code());
            scene.client.sendRaw("{\"type\":\"draft\",\"conversationId\":\"" + scene.conv + "\",\"inReplyTo\":"
                    + scene.question + ",\"text\":\"   \"}");
            assertEquals(ErrorCode.BAD_TEXT, scene.client.await(Frame.Error.class).code());
            scene.client.send(new Frame.Draft(scene.conv, scene.question, "长".repeat(Frame.MAX_TEXT_LENGTH + 1)));
            assertEquals(ErrorCode.BAD_TEXT, scene.client.await(Frame.Error.class).code());

            // Customers cannot send drafts: the answer for any frame only a client may send.
            scene.customer.send(new Frame.Draft(scene.conv, scene.question, "我自己写答案"));
            assertEquals(ErrorCode.UNKNOWN_TYPE, scene.customer.await(Frame.Error.class).code());
            assertNull(scene.client.poll(Frame.Draft.class, d -> true, Duration.ofMillis(500)),
                    "a customer's draft reaches nobody");

            // The answer itself: stored, acknowledged, delivered as a message naming the question.
            String finalText = last + "。";
            scene.client.send(new Frame.Reply("draft-answer-01", scene.conv, finalText, Frame.Sender.BOT,
                    scene.question));
            long answerSeq = scene.client.await(Frame.Ack.class, a -> a.id().equals("draft-answer-01")).seq();
            Frame.Message message = scene.customer.await(Frame.Message.class, m -> m.seq() == answerSeq);
            assertEquals(finalText, message.text());
            assertEquals(scene.question, message.inReplyTo());
            assertEquals(scene.question + 1, answerSeq, "drafts took no sequence numbers");

            // Never stored, acknowledged or resent; nothing reached the client not in the conversation.
            assertNull(scene.customer.poll(Frame.Draft.class, d -> true, QUIET), "a draft came again");
            assertEquals(streamed.size(), scene.customer.count(Frame.Draft.class, f -> true));
            assertEquals(0, scene.otherClient.count(Frame.Draft.class, f -> true));
            assertEquals(0, scene.client.count(Frame.Draft.class, f -> true), "drafts go to the customer only");
            assertEquals(1, scene.client.count(Frame.Ack.class, f -> true), "only the answer was acknowledged");
            assertEquals(2, Db.count("select count(*) from chat_message where conversation_id = ?",
                    scene.conversationId));
            assertEquals(answerSeq, Db.count("select last_seq from conversation where id = ?", scene.conversationId));
            assertFalse(scene.customer.closed.isDone() || scene.client.closed.isDone(), "no socket was closed");
        }
    }

    @Test
    void a_customer_tab_that_opens_later_gets_the_answer_but_no_old_drafts() throws Exception {
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-draft-late-" + UUID.randomUUID(), "IT 草稿迟到", "it");
            String scanId = Customers.scanId(Customers.scan(api.createQr(reg.clientId(), "draft-late").url()));
            String token = TestEnvironment.newCustomerToken();
            try (Peer client = Peer.connect(TestEnvironment.clientSocket(reg.clientId()), staff.get())) {
                client.await(Frame.Welcome.class);
                JsonObject first = Customers.json(Customers.openSession(scanId, token).body());
                String conv = first.getString("conversationId");
                long question;
                try (Peer tab = Peer.connect(Customers.customerSocket(first.getString("ticket")), null)) {
                    tab.await(Frame.Welcome.class);
                    question = Customers.say(tab, "几点关门");
                    tab.close();
                    tab.closed.get(30, java.util.concurrent.TimeUnit.SECONDS);
                }
                client.await(Frame.Message.class, m -> m.conversationId().equals(conv) && m.seq() == question);

                // No tab is open: the drafts reach nobody and are gone; nothing is refused either.
                client.send(new Frame.Draft(conv, question, "晚上"));
                client.send(new Frame.Draft(conv, question, "晚上十点"));
                client.send(new Frame.Reply("draft-late-answer", conv, "晚上十点关门。", Frame.Sender.BOT, question));
                long answer = client.await(Frame.Ack.class, a -> a.id().equals("draft-late-answer")).seq();

                // The customer's next tab gets the conversation's history, without drafts.
                JsonObject second = Customers.json(Customers.openSession(scanId, token).body());
                assertEquals(conv, second.getString("conversationId"));
                try (Peer tab = Peer.connect(Customers.customerSocket(second.getString("ticket")), null)) {
                    tab.await(Frame.Welcome.class);
                    assertEquals("晚上十点关门。", tab.await(Frame.Message.class, m -> m.seq() == answer).text());
                    tab.await(Frame.State.class);
                    assertNull(tab.poll(Frame.Draft.class, d -> true, QUIET), "drafts are never replayed");
                }
                assertEquals(0, client.count(Frame.Error.class, f -> true), "a draft nobody sees is no error");
                assertEquals(2, Db.count("select count(*) from chat_message where conversation_id = ?",
                        UUID.fromString(conv)));
            }
        }
    }
}
