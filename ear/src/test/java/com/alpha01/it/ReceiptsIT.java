package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Receipts on the wire: {@code read} both ways (recorded and relayed to the other side, refused
 * for what a peer may not see), and an answer a customer tab never acknowledges is sent to it
 * again until it does.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReceiptsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void read_receipts_are_recorded_relayed_and_checked() throws Exception {
        try (ChatScene scene = ChatScene.withOtherClient("receipts", "有没有燕麦奶")) {
            scene.client.send(new Frame.Delivered(scene.conv, scene.question));
            scene.client.send(new Frame.Reply("staff-answer-0001", scene.conv, "有的，加 3 元", Frame.Sender.STAFF,
                    scene.question));
            long answer = scene.client.await(Frame.Ack.class, a -> a.id().equals("staff-answer-0001")).seq();
            Frame.Message shown = scene.customer.await(Frame.Message.class, m -> m.seq() == answer);
            assertEquals(scene.question, shown.inReplyTo(), "the answer names its question");

            // A repeated receipt is taken without an error and the first time stays; a receipt for the
            // client's own answer is refused (the first error it gets is that one, not the repeat's).
            String delivered = "select delivered_at from chat_message where conversation_id = ? and seq = ?";
            Waits.until("question marked delivered", () -> Db.query(delivered, scene.conversationId, scene.question)
                    .get(0).get(0) != null);
            Object first = Db.query(delivered, scene.conversationId, scene.question).get(0).get(0);
            scene.client.send(new Frame.Delivered(scene.conv, scene.question));
            scene.client.send(new Frame.Delivered(scene.conv, answer));
            assertEquals(ErrorCode.FORBIDDEN, scene.client.await(Frame.Error.class).code());
            assertEquals(first, Db.query(delivered, scene.conversationId, scene.question).get(0).get(0));

            // The customer read the answer: recorded, and the client is told.
            scene.customer.send(new Frame.Read(scene.conv, answer));
            Frame.Read toClient = scene.client.await(Frame.Read.class, r -> r.conversationId().equals(scene.conv));
            assertEquals(answer, toClient.seq());
            Waits.until("answer marked read", () -> Db.count("select count(*) from chat_message where "
                    + "conversation_id = ? and seq = ? and read_at is not null and delivered_at is not null",
                    scene.conversationId, answer) == 1);

            // Staff read the question: recorded, and the customer's tab is told.
            scene.client.send(new Frame.Read(scene.conv, scene.question));
            assertEquals(scene.question, scene.customer.await(Frame.Read.class).seq());
            assertEquals(1, Db.count("select count(*) from chat_message where conversation_id = ? "
                    + "and seq = ? and read_at is not null", scene.conversationId, scene.question));

            // What a peer may not see is refused, and nothing is recorded for it.
            scene.customer.send(new Frame.Read(scene.conv, 99));
            assertEquals(ErrorCode.NOT_FOUND, scene.customer.await(Frame.Error.class).code());
            scene.customer.send(new Frame.Read(UUID.randomUUID().toString(), 1));
            assertEquals(ErrorCode.NOT_FOUND, scene.customer.await(Frame.Error.class).code());
            scene.otherClient.send(new Frame.Read(scene.conv, scene.question));
            assertEquals(ErrorCode.NOT_FOUND, scene.otherClient.await(Frame.Error.class).code());
            assertEquals(2, Db.count("select count(*) from chat_message where conversation_id = ? "
                    + "and read_at is not null", scene.conversationId));
        }
    }

    @Test
    void an_answer_the_customer_tab_does_not_acknowledge_is_sent_again() throws Exception {
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-resend-" + UUID.randomUUID(), "IT 重发", "it");
            ServerApi.QrCode qr = api.createQr(reg.clientId(), "resend");
            try (AnsweringClient client = AnsweringClient.online(reg.clientId(), staff, m -> { })) {
                JsonObject session = Customers.enter(qr.url());
                String conv = session.getString("conversationId");
                try (Peer customer = Peer.connectWithoutReceipts(Customers.customerSocket(session.getString("ticket")))) {
                    customer.await(Frame.Welcome.class);
                    long question = Customers.say(customer, "营业时间");
                    Frame.Message answer = customer.await(Frame.Message.class,
                            m -> Long.valueOf(question).equals(m.inReplyTo()));
                    // No receipt: the same answer (same id and seq) comes again after the retry interval.
                    Frame.Message again = customer.await(Frame.Message.class, m -> m.id().equals(answer.id()));
                    assertEquals(answer.seq(), again.seq());
                    customer.send(new Frame.Delivered(conv, answer.seq()));
                    Waits.until("the receipt is recorded", () -> Db.count("select count(*) from chat_message "
                            + "where conversation_id = ?::uuid and seq = ? and delivered_at is not null", conv,
                            answer.seq()) == 1);
                }
            }
        }
    }
}
