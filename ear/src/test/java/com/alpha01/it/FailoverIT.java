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

    private static String clientOf(UUID conversation) throws Exception {
        Object id = Db.query("select client_id::text from conversation where id = ?", conversation).get(0).get(0);
        return id == null ? null : id.toString();
    }
}
