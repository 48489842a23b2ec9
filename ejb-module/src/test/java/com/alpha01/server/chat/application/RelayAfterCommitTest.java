package com.alpha01.server.chat.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.server.chat.domain.ConversationState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The use cases that talk to peers call the transactional service first and relay only what it
 * decided, to whom it decided: staff state changes and read receipts.
 */
class RelayAfterCommitTest {

    private static final UUID CONV = UUID.randomUUID();
    private static final UUID ACTING = UUID.randomUUID();
    private static final UUID BEFORE = UUID.randomUUID();

    /** What was relayed, in order, as "client:<id>" / "customers:<conversation>" with the record. */
    private final List<String> relayed = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();

    private final Relay relay = new Relay() {
        @Override
        public void toClient(UUID clientId, Outbound outbound) {
            relayed.add("client:" + clientId + " " + outbound);
        }

        @Override
        public void toCustomers(UUID conversationId, Outbound outbound) {
            relayed.add("customers:" + conversationId + " " + outbound);
        }

        @Override
        public void handOver(UUID clientId, Collection<UUID> conversationIds) {
            relayed.add("handOver:" + clientId);
        }

        @Override
        public void clientConnected(UUID clientId, String socketId) {
            relayed.add("connected:" + clientId);
        }
    };

    private final FakeChannel self = new FakeChannel("node/1");

    /** The committed outcome a test decides: which client held the conversation, what was newly read. */
    private UUID previousHolder;
    private boolean newlyRead;
    private Optional<UUID> clientToTell = Optional.empty();

    private final ChatService chat = new ChatService() {
        @Override
        public StateChange control(UUID clientId, UUID conversationId, StaffAction action, String staffName) {
            calls.add("control " + action);
            return new StateChange(new Outbound.State(conversationId, ConversationState.HUMAN, staffName),
                    previousHolder);
        }

        @Override
        public boolean readByClient(UUID clientId, UUID conversationId, long seq) {
            calls.add("readByClient " + seq);
            return newlyRead;
        }

        @Override
        public Optional<UUID> readByCustomer(String customerSubject, UUID conversationId, long seq) {
            calls.add("readByCustomer " + seq);
            return clientToTell;
        }
    };

    private ConversationStates states() {
        ConversationStates s = new ConversationStates();
        s.chat = chat;
        s.relay = relay;
        return s;
    }

    private Receipts receipts() {
        Receipts r = new Receipts();
        r.chat = chat;
        r.relay = relay;
        return r;
    }

    @Test
    void a_takeover_reaches_the_acting_client_the_customers_and_the_client_that_held_it() {
        previousHolder = BEFORE;
        states().change(ACTING, self, CONV, StaffAction.TAKEOVER, "王小明");
        Outbound.State state = new Outbound.State(CONV, ConversationState.HUMAN, "王小明");
        assertEquals(List.of("control TAKEOVER"), calls);
        assertEquals(List.of(state), self.sent);
        assertEquals(List.of("customers:" + CONV + " " + state, "client:" + BEFORE + " " + state), relayed);
    }

    @Test
    void the_acting_client_is_told_once_when_it_held_the_conversation_already() {
        previousHolder = ACTING;
        states().change(ACTING, self, CONV, StaffAction.TAKEOVER, "王小明");
        assertEquals(1, self.sent.size());
        assertEquals(1, relayed.size(), "only the customers: " + relayed);
        assertTrue(relayed.get(0).startsWith("customers:"));
    }

    @Test
    void a_read_receipt_is_relayed_to_the_other_side_only_when_it_read_something_new() {
        newlyRead = false;
        receipts().readByClient(ACTING, CONV, 3);
        assertTrue(relayed.isEmpty(), "nothing newly read, nothing relayed");
        newlyRead = true;
        receipts().readByClient(ACTING, CONV, 4);
        assertEquals(List.of("customers:" + CONV + " " + new Outbound.Read(CONV, 4)), relayed);

        relayed.clear();
        receipts().readByCustomer("customer-1", CONV, 5);
        assertTrue(relayed.isEmpty(), "no client to tell");
        clientToTell = Optional.of(ACTING);
        receipts().readByCustomer("customer-1", CONV, 6);
        assertEquals(List.of("client:" + ACTING + " " + new Outbound.Read(CONV, 6)), relayed);
        assertEquals(List.of("readByClient 3", "readByClient 4", "readByCustomer 5", "readByCustomer 6"), calls);
    }
}
