package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.LinkListener;
import com.alpha01.client.link.LinkState;
import com.alpha01.client.link.ServerApi;
import com.alpha01.client.link.ServerLink;
import com.alpha01.protocol.ErrorCode;
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
 * Staff take a conversation over from the AI at another client of the shop, answer as STAFF while
 * the AI stays silent (and a late AI answer is refused), hand it back, close it; the customer sees
 * who answers at each step, and a new customer message reopens the conversation.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TakeoverIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void takeover_staff_reply_handback_close_and_reopen() throws Exception {
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration counter = api.register("it-counter-" + UUID.randomUUID(), "IT 前台", "it");
            ServerApi.Registration office = api.register("it-office-" + UUID.randomUUID(), "IT 后台", "it");
            ServerApi.QrCode qr = api.createQr(counter.clientId(), "counter");
            List<Frame.State> officeStates = new CopyOnWriteArrayList<>();
            List<Frame.Message> officeMessages = new CopyOnWriteArrayList<>();
            List<Frame.Error> officeErrors = new CopyOnWriteArrayList<>();
            LinkListener officeListener = new LinkListener() {
                @Override
                public void onState(LinkState state) {
                }

                @Override
                public void onMessage(Frame.Message message) {
                    officeMessages.add(message);
                }

                @Override
                public void onConversationState(Frame.State state) {
                    officeStates.add(state);
                }

                @Override
                public void onError(Frame.Error error) {
                    officeErrors.add(error);
                }
            };
            try (AnsweringClient counterClient = AnsweringClient.online(counter.clientId(), staff, m -> { });
                 ServerLink officeLink = new ServerLink(TestEnvironment.serverUri(), office.clientId(), staff,
                         officeListener)) {
                officeLink.start();
                Waits.until("office online", () -> officeLink.state() == LinkState.ONLINE);

                JsonObject session = Customers.enter(qr.url());
                String conv = session.getString("conversationId");
                try (Peer customer = Peer.connect(Customers.customerSocket(session.getString("ticket")), null)) {
                    customer.await(Frame.Welcome.class);
                    Customers.say(customer, "你好");
                    customer.await(Frame.Message.class, m -> m.sender() == Frame.Sender.BOT);

                    // Staff at the office take over: the conversation moves there, everyone is told.
                    officeLink.control(Frame.Action.TAKEOVER, conv);
                    Frame.State human = customer.await(Frame.State.class, s -> s.state().equals("HUMAN"));
                    assertTrue(human.by() != null && !human.by().isBlank(), "the customer sees who answers");
                    Waits.until("office told", () -> officeStates.stream().anyMatch(s -> s.state().equals("HUMAN")));
                    assertEquals(List.of(List.of("HUMAN", office.clientId())), Db.query(
                            "select state, client_id::text from conversation where id = ?", UUID.fromString(conv)));

                    // A late AI answer from the old client is refused; the customer's next message goes to staff only.
                    var late = counterClient.link().reply(conv, "机器人迟到的回答", Frame.Sender.BOT);
                    Waits.until("late AI answer refused", late::isDone);
                    assertTrue(late.isCompletedExceptionally());
                    long seqQuestion = Customers.say(customer, "我想找店员");
                    Waits.until("staff receive the question", () -> officeMessages.stream()
                            .anyMatch(m -> m.seq() == seqQuestion));
                    Frame.Ack staffAck = officeLink.reply(conv, "您好，我是店员小美", Frame.Sender.STAFF)
                            .get(30, java.util.concurrent.TimeUnit.SECONDS);
                    Frame.Message staffAnswer = customer.await(Frame.Message.class, m -> m.seq() == staffAck.seq());
                    assertEquals(Frame.Sender.STAFF, staffAnswer.sender());
                    assertEquals(0, Db.count("select count(*) from chat_message where conversation_id = ? and seq > ? "
                            + "and sender = 'BOT'", UUID.fromString(conv), seqQuestion), "the AI stayed silent");

                    // Only the holder can hand back (another client of the shop is refused); then the AI answers.
                    ServerApi.Registration third = api.register("it-third-" + UUID.randomUUID(), "IT 仓库", "it");
                    try (Peer other = Peer.connect(TestEnvironment.clientSocket(third.clientId()), staff.get())) {
                        other.await(Frame.Welcome.class);
                        other.send(new Frame.Control(Frame.Action.HANDBACK, conv));
                        assertEquals(ErrorCode.FORBIDDEN, other.await(Frame.Error.class).code());
                        other.send(new Frame.Control(Frame.Action.CLOSE, UUID.randomUUID().toString()));
                        assertEquals(ErrorCode.NOT_FOUND, other.await(Frame.Error.class).code());
                    }
                    officeLink.control(Frame.Action.HANDBACK, conv);
                    customer.await(Frame.State.class, s -> s.state().equals("BOT"));

                    officeLink.control(Frame.Action.CLOSE, conv);
                    customer.await(Frame.State.class, s -> s.state().equals("CLOSED"));
                    Customers.say(customer, "还在营业吗");
                    Waits.until("a new message reopens the conversation", () -> "BOT".equals(Db.query(
                            "select state from conversation where id = ?", UUID.fromString(conv)).get(0).get(0)));
                    assertTrue(officeErrors.isEmpty(), "the holder's frames were all accepted: " + officeErrors);
                }
            }
        }
    }
}
