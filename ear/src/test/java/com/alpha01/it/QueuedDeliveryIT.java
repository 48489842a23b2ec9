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
 * Nothing is lost while the shop is offline: a customer message written when no merchant client
 * is connected is stored and acknowledged, the conversation waits (QUEUED), and the message is
 * delivered when a client of that merchant connects, which then answers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QueuedDeliveryIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void message_written_while_no_client_is_online_is_delivered_when_one_connects() throws Exception {
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-queued-" + UUID.randomUUID(), "IT 收银台", "it");
            ServerApi.QrCode qr = api.createQr(reg.clientId(), "counter");

            // The entry pass travels in the cookie /connect sets (the page's query string may be lost in sign-in).
            var sessionResponse = Customers.openSessionWithEntryCookie(Customers.scan(qr.url()),
                    TestEnvironment.newCustomerToken());
            assertEquals(200, sessionResponse.statusCode(), sessionResponse.body());
            JsonObject session = Customers.json(sessionResponse.body());
            UUID conversationId = UUID.fromString(session.getString("conversationId"));

            try (Peer customer = Peer.connect(Customers.customerSocket(session.getString("ticket")), null)) {
                customer.await(Frame.Welcome.class);
                String id = "queued-" + UUID.randomUUID().toString().substring(0, 8);
                customer.send(new Frame.Send(id, "你好"));
                // The demo customer may already have a conversation with this shop: numbers are relative.
                long base = customer.await(Frame.Ack.class, a -> a.id().equals(id)).seq();
                assertEquals(List.of(List.of("CUSTOMER", "你好")), Db.query("select sender, body from chat_message "
                        + "where conversation_id = ? and seq >= ?", conversationId, base),
                        "stored before the shop is online");
                assertEquals(0L, Db.count("select count(*) from chat_message where conversation_id = ? and seq >= ? "
                        + "and delivered_at is not null", conversationId, base), "not delivered to anyone yet");
                assertEquals("QUEUED", Db.query("select state from conversation where id = ?", conversationId)
                        .get(0).get(0));

                List<Frame.Message> seenByClient = new CopyOnWriteArrayList<>();
                try (AnsweringClient client = AnsweringClient.online(reg.clientId(), staff, seenByClient::add)) {
                    // Other tests may have left older undelivered messages in this customer's conversation:
                    // they are replayed (and answered) first, in order.
                    Frame.Message answer = customer.await(Frame.Message.class,
                            m -> m.sender() == Frame.Sender.BOT && m.seq() > base && m.text().contains("欢迎光临"));
                    assertTrue(answer.seq() > base);
                    assertEquals(1, seenByClient.stream()
                                    .filter(m -> m.conversationId().equals(conversationId.toString())
                                            && m.sender() == Frame.Sender.CUSTOMER && m.seq() == base).count(),
                            "the queued message reaches the client exactly once");
                    Waits.until("the queued message is marked delivered", () -> Db.count(
                            "select count(*) from chat_message where conversation_id = ? and sender = 'CUSTOMER' "
                                    + "and seq >= ? and delivered_at is not null", conversationId, base) == 1);
                    assertEquals(reg.clientId(), String.valueOf(Db.query(
                            "select client_id from conversation where id = ?", conversationId).get(0).get(0)));
                }
            }
        }
    }
}
