package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Typing indicators on the wire: relayed both ways like read receipts, refused for a conversation
 * that is not the sender's, never stored, acknowledged or resent; a flood of them reaches the
 * other side as at most one a second and costs the sender no error.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TypingIT {

    /** Longer than the resend interval of the ITs (3 s): what would be resent has been by then. */
    private static final Duration QUIET = Duration.ofSeconds(4);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void typing_is_relayed_both_ways_checked_and_never_stored() throws Exception {
        try (ChatScene scene = ChatScene.withOtherClient("typing", "有没有热巧克力")) {
            // The customer types: the client holding the conversation sees it, then the stop.
            scene.customer.send(new Frame.Typing(scene.conv, true));
            assertTrue(scene.client.await(Frame.Typing.class, t -> t.conversationId().equals(scene.conv)).typing());
            scene.customer.send(new Frame.Typing(scene.conv, false));
            assertFalse(scene.client.await(Frame.Typing.class, t -> t.conversationId().equals(scene.conv)).typing(),
                    "the stop that ends a relayed 'typing' is never thinned away");

            // Staff type: the customer's tab sees it.
            scene.client.send(new Frame.Typing(scene.conv, true));
            Frame.Typing shown = scene.customer.await(Frame.Typing.class);
            assertEquals(scene.conv, shown.conversationId());
            assertTrue(shown.typing());

            // Someone else's conversation: the same refusal as for a read receipt.
            scene.customer.send(new Frame.Typing(UUID.randomUUID().toString(), true));
            assertEquals(ErrorCode.NOT_FOUND, scene.customer.await(Frame.Error.class).code());
            scene.otherClient.send(new Frame.Typing(scene.conv, true));
            assertEquals(ErrorCode.NOT_FOUND, scene.otherClient.await(Frame.Error.class).code());
            scene.client.send(new Frame.Typing(UUID.randomUUID().toString(), true));
            assertEquals(ErrorCode.NOT_FOUND, scene.client.await(Frame.Error.class).code());

            // Nothing was relayed to the client that is not in the conversation, and nothing resent.
            assertNull(scene.customer.poll(Frame.Typing.class, t -> true, QUIET), "a typing frame came twice");
            assertEquals(0, scene.otherClient.count(Frame.Typing.class, f -> true));
            assertEquals(2, scene.client.count(Frame.Typing.class, f -> true), "each relayed once");

            // Never stored, never acknowledged: history and numbering go on as if none had been sent.
            assertEquals(1, scene.customer.count(Frame.Ack.class, f -> true));
            assertEquals(1, Db.count("select count(*) from chat_message where conversation_id = ?",
                    scene.conversationId));
            assertEquals(scene.question, Db.count("select last_seq from conversation where id = ?",
                    scene.conversationId));
            assertEquals(scene.question + 1, Customers.say(scene.customer, "好的，谢谢"));
        }
    }

    @Test
    void a_flood_of_typing_frames_is_thinned_silently() throws Exception {
        try (ChatScene scene = ChatScene.open("typing-flood", null)) {
            Peer client = scene.client;
            Peer customer = scene.customer;
            String conv = scene.conv;

            // 15 from the customer (within its burst of 20 frames), 300 from the client.
            long customerStart = System.nanoTime();
            for (int i = 0; i < 15; i++) {
                customer.send(new Frame.Typing(conv, true));
            }
            long customerSeconds = Duration.ofNanos(System.nanoTime() - customerStart).toSeconds();
            long clientStart = System.nanoTime();
            for (int i = 0; i < 300; i++) {
                client.send(new Frame.Typing(conv, true));
            }
            long clientSeconds = Duration.ofNanos(System.nanoTime() - clientStart).toSeconds();

            // Both sockets still work (their frames are handled in order: all typing frames were before).
            long question = Customers.say(customer, "还在吗");
            client.await(Frame.Message.class, m -> m.seq() == question);
            Waits.until("customer typing reaches the client",
                    () -> client.count(Frame.Typing.class, f -> true) > 0);
            Waits.until("staff typing reaches the customer",
                    () -> customer.count(Frame.Typing.class, f -> true) > 0);
            assertNull(customer.poll(Frame.Error.class, e -> true, QUIET)); // and stragglers arrive meanwhile

            // At most one "typing" a second got through each way; the rest were dropped, without a word.
            long toClient = client.count(Frame.Typing.class, f -> true);
            long toCustomer = customer.count(Frame.Typing.class, f -> true);
            assertTrue(toClient <= customerSeconds + 2, "relayed to the client: " + toClient);
            assertTrue(toCustomer <= clientSeconds + 2, "relayed to the customer: " + toCustomer);
            assertEquals(0, customer.count(Frame.Error.class, f -> true), "a dropped typing frame is no error");
            assertEquals(0, client.count(Frame.Error.class, f -> true));
            assertFalse(customer.closed.isDone() || client.closed.isDone(), "no socket was closed");
        }
    }
}
