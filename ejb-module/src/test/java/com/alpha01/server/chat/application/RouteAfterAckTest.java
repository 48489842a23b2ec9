package com.alpha01.server.chat.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alpha01.server.chat.domain.Sender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What {@link DeliveryService#route} does with a message {@link ChatService} just stored (docs/protocol.md
 * rules 1–2): a customer's message goes to the client holding the conversation, an answer to the
 * customer's tabs; a resend and a queued conversation's message go nowhere now (the sweep and the
 * replay cover them), and a relay that fails never reaches the sender, who already has its ack.
 */
class RouteAfterAckTest {

    private static final UUID CONV = UUID.randomUUID();
    private static final UUID CLIENT = UUID.randomUUID();

    private final List<String> relayed = new ArrayList<>();
    private boolean relayFails;

    private final Relay relay = new Relay() {
        @Override
        public void toClient(UUID clientId, Outbound outbound) {
            fail();
            relayed.add("client:" + clientId + " " + ((Outbound.Message) outbound).seq());
        }

        @Override
        public void toCustomers(UUID conversationId, Outbound outbound) {
            fail();
            relayed.add("customers:" + conversationId + " " + ((Outbound.Message) outbound).seq());
        }

        @Override
        public void handOver(UUID clientId, Collection<UUID> conversationIds) {
            relayed.add("handOver");
        }

        @Override
        public void clientConnected(UUID clientId, String socketId) {
            relayed.add("connected");
        }

        private void fail() {
            if (relayFails) {
                throw new IllegalStateException("broker unreachable");
            }
        }
    };

    private DeliveryService service() {
        DeliveryService d = new DeliveryService();
        d.relay = relay;
        return d;
    }

    private static Outbound.Message message(long seq, Sender sender) {
        return new Outbound.Message(CONV, seq, "id-" + seq, sender, "你好", Instant.now(),
                sender == Sender.CUSTOMER ? "张**" : null, null, null);
    }

    @Test
    void a_customer_message_goes_to_the_client_holding_the_conversation() {
        service().route(new ChatService.Accepted(CONV, 7, true, message(7, Sender.CUSTOMER), CLIENT));
        assertEquals(List.of("client:" + CLIENT + " 7"), relayed);
    }

    @Test
    void an_answer_goes_to_the_customers_tabs() {
        service().route(new ChatService.Accepted(CONV, 8, true, message(8, Sender.BOT), null));
        service().route(new ChatService.Accepted(CONV, 9, true, message(9, Sender.STAFF), null));
        assertEquals(List.of("customers:" + CONV + " 8", "customers:" + CONV + " 9"), relayed);
    }

    @Test
    void a_resend_and_a_queued_conversation_route_nothing_now() {
        service().route(ChatService.Accepted.again(CONV, 7));
        service().route(new ChatService.Accepted(CONV, 10, true, message(10, Sender.CUSTOMER), null));
        assertEquals(List.of(), relayed);
    }

    @Test
    void a_failing_relay_is_left_to_the_resend_sweep_and_never_reaches_the_sender() {
        relayFails = true;
        service().route(new ChatService.Accepted(CONV, 11, true, message(11, Sender.CUSTOMER), CLIENT));
        service().route(new ChatService.Accepted(CONV, 12, true, message(12, Sender.BOT), null));
        assertEquals(List.of(), relayed);
    }
}
