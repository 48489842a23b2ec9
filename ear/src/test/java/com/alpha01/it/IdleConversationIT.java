package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alpha01.protocol.Frame;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A conversation nobody wrote in for the idle time ends by itself (D55, {@code IdleConversations}): on the real
 * server and its timer (a round every 15 s), with the server's own idle time (30 minutes): the conversation is made
 * to look that old in the database rather than waited for. Both sides are told, the closing is recorded as the
 * idle close's, and the customer's next message opens the conversation again at the same client.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdleConversationIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void a_conversation_idle_past_the_limit_closes_by_itself_and_the_next_message_opens_it_again() throws Exception {
        try (ChatScene scene = ChatScene.open("idle-close", "周末营业吗")) {
            scene.client.send(new Frame.Reply("idle-close-1", scene.conv, "周末照常营业", Frame.Sender.STAFF,
                    scene.question));
            scene.customer.await(Frame.Message.class, m -> Long.valueOf(scene.question).equals(m.inReplyTo()));
            assertEquals(1, Db.update("update conversation set updated_at = now() - interval '31 minutes'"
                    + " where id = ?::uuid", scene.conv));

            scene.customer.await(Frame.State.class, s -> s.conversationId().equals(scene.conv)
                    && s.state().equals("CLOSED"));
            scene.client.await(Frame.State.class, s -> s.conversationId().equals(scene.conv)
                    && s.state().equals("CLOSED"));
            assertEquals("CLOSED", state(scene.conv));
            assertEquals(List.of(List.of("CLOSE", "IDLE")), Db.query("select kind, actor from conversation_event"
                    + " where conversation_id = ?::uuid and kind = 'CLOSE'", scene.conv));

            long seq = Customers.say(scene.customer, "我还想问一下");
            scene.client.await(Frame.Message.class, m -> m.seq() == seq && m.conversationId().equals(scene.conv));
            assertEquals("BOT", state(scene.conv), "open again, answered by the assistant");
        }
    }

    @Test
    void a_conversation_with_a_message_inside_the_limit_stays_open_while_an_older_one_closes() throws Exception {
        try (ChatScene recent = ChatScene.open("idle-recent", "有停车位吗");
             ChatScene old = ChatScene.open("idle-old", "有发票吗")) {
            // Both were written in just now; the second is made to look 31 minutes old, the first 20 (ten minutes
            // inside the limit: far more than this test takes).
            Db.update("update conversation set updated_at = now() - interval '20 minutes' where id = ?::uuid",
                    recent.conv);
            Db.update("update conversation set updated_at = now() - interval '31 minutes' where id = ?::uuid",
                    old.conv);
            // The round that closes the old one has passed over the recent one.
            old.customer.await(Frame.State.class, s -> s.conversationId().equals(old.conv)
                    && s.state().equals("CLOSED"));
            assertEquals("BOT", state(recent.conv));
        }
    }

    private static String state(String conv) throws Exception {
        return String.valueOf(Db.query("select state from conversation where id = ?::uuid", conv).get(0).get(0));
    }
}
