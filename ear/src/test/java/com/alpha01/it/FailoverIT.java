package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A merchant client that stays gone past the grace period (3 s in the tests, 15 s by default) loses
 * its open conversations to another online client of the shop, which receives what the customer
 * wrote meanwhile; with no other client online the conversation waits (QUEUED) and the customer is
 * told.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FailoverIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void conversation_moves_to_another_online_client_when_its_client_stays_gone() throws Exception {
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration a = api.register("it-fail-a-" + UUID.randomUUID(), "IT A", "it");
            ServerApi.Registration b = api.register("it-fail-b-" + UUID.randomUUID(), "IT B", "it");
            ServerApi.QrCode qr = api.createQr(a.clientId(), "a");
            List<Frame.Message> seenByB = new CopyOnWriteArrayList<>();
            try (AnsweringClient clientA = AnsweringClient.online(a.clientId(), staff, m -> { });
                 AnsweringClient clientB = AnsweringClient.online(b.clientId(), staff, seenByB::add)) {

                JsonObject session = Customers.enter(qr.url());
                UUID conv = UUID.fromString(session.getString("conversationId"));
                assertEquals(a.clientId(), clientOf(conv), "the QR code's client gets the conversation");
                try (Peer customer = Peer.connect(Customers.customerSocket(session.getString("ticket")), null)) {
                    customer.await(Frame.Welcome.class);
                    Customers.say(customer, "你好");
                    customer.await(Frame.Message.class, m -> m.sender() == Frame.Sender.BOT);

                    clientA.close();
                    long question = Customers.say(customer, "wifi 密码是多少");
                    Frame.Message answer = customer.await(Frame.Message.class,
                            m -> m.sender() == Frame.Sender.BOT && m.seq() > question);
                    assertTrue(answer.text().contains("Wi-Fi"), answer.text());
                    assertEquals(b.clientId(), clientOf(conv), "the conversation moved to the client still online");
                    assertEquals(1, seenByB.stream().filter(m -> m.conversationId().equals(conv.toString())
                            && m.seq() == question).count(), "what the customer wrote meanwhile reaches B once");
                }
            }
        }
    }

    @Test
    void with_no_client_left_the_conversation_waits_and_the_customer_is_told() throws Exception {
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration a = api.register("it-alone-" + UUID.randomUUID(), "IT 独自", "it");
            ServerApi.QrCode qr = api.createQr(a.clientId(), "alone");
            JsonObject session;
            try (AnsweringClient client = AnsweringClient.online(a.clientId(), staff, m -> { })) {
                session = Customers.enter(qr.url());
            }
            UUID conv = UUID.fromString(session.getString("conversationId"));
            try (Peer customer = Peer.connect(Customers.customerSocket(session.getString("ticket")), null)) {
                customer.await(Frame.Welcome.class);
                // Tests run one after another and close their links: no client of the demo shop is online now.
                Frame.State state = customer.await(Frame.State.class,
                        s -> s.conversationId().equals(conv.toString()) && !s.state().equals("NEW"));
                assertEquals("QUEUED", state.state());
                assertEquals(null, clientOf(conv));
                String id = "fo-queued-" + UUID.randomUUID().toString().substring(0, 8);
                customer.send(new Frame.Send(id, "有人吗"));
                assertTrue(customer.await(Frame.Ack.class, x -> x.id().equals(id)).seq() > 0, "still stored and acknowledged");
            }
        }
    }

    /**
     * The duplicate the fault suite found in its database-outage window: a client answers a question
     * but its receipt for the question is lost, then goes silent; the next holder must not be handed
     * that question again, and a second assistant answer to it is taken as the first.
     */
    @Test
    void a_question_answered_without_its_receipt_is_not_answered_twice_after_failover() throws Exception {
        try (ChatScene scene = ChatScene.withOtherClient("fo-answered", "wifi 密码是多少")) {
            String question = "select delivered_at is not null from chat_message where conversation_id = ? and seq = ?";
            assertEquals(false, Db.query(question, scene.conversationId, scene.question).get(0).get(0),
                    "the raw client sent no receipt");
            scene.client.send(new Frame.Reply("fo-answer-a", scene.conv, "密码是 12345678", Frame.Sender.BOT,
                    scene.question));
            long answer = scene.client.await(Frame.Ack.class, a -> a.id().equals("fo-answer-a")).seq();
            scene.customer.await(Frame.Message.class, m -> m.seq() == answer);
            assertEquals(true, Db.query(question, scene.conversationId, scene.question).get(0).get(0),
                    "an answer proves its question arrived");

            scene.client.close();
            Waits.until("the conversation moved to the other client",
                    () -> scene.otherClientId.equals(clientOf(scene.conversationId)));
            long next = Customers.say(scene.customer, "几点关门");
            scene.otherClient.await(Frame.Message.class, m -> m.conversationId().equals(scene.conv) && m.seq() == next);
            assertEquals(0, scene.otherClient.count(Frame.Message.class,
                    m -> ((Frame.Message) m).conversationId().equals(scene.conv) && ((Frame.Message) m).seq() == scene.question),
                    "the answered question is not handed to the next client");

            scene.otherClient.send(new Frame.Reply("fo-answer-b", scene.conv, "另一个回答", Frame.Sender.BOT,
                    scene.question));
            assertEquals(answer, scene.otherClient.await(Frame.Ack.class, a -> a.id().equals("fo-answer-b")).seq(),
                    "a second answer to an answered question is acknowledged as the first");
            assertEquals(1, Db.count("select count(*) from chat_message where conversation_id = ? and in_reply_to = ? "
                    + "and sender = 'BOT'", scene.conversationId, scene.question), "one answer stored, one shown");
        }
    }

    private static String clientOf(UUID conversation) throws Exception {
        Object id = Db.query("select client_id::text from conversation where id = ?", conversation).get(0).get(0);
        return id == null ? null : id.toString();
    }
}
