package com.alpha01.server.chat.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PeerRegistryTest {

    /** A tab's socket that is open until the test closes it. */
    private static final class Tab implements PeerChannel {
        private final String id = UUID.randomUUID().toString();
        boolean open = true;

        @Override
        public String id() {
            return id;
        }

        @Override
        public boolean send(Outbound outbound) {
            return open;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public boolean probe(Duration deadAfter) {
            return open;
        }

        @Override
        public void close(int code, String reason) {
            open = false;
        }
    }

    private final PeerRegistry registry = new PeerRegistry();
    private final UUID conversation = UUID.randomUUID();

    @Test
    void a_conversation_holds_up_to_its_tab_limit_and_refuses_the_next() {
        for (int i = 0; i < 3; i++) {
            assertTrue(registry.attachCustomer(conversation, new Tab(), 3));
        }

        assertFalse(registry.attachCustomer(conversation, new Tab(), 3));
        assertEquals(3, registry.customers(conversation).size());
    }

    @Test
    void a_closed_tab_frees_its_place_even_before_it_is_detached() {
        Tab first = new Tab();
        registry.attachCustomer(conversation, first, 2);
        registry.attachCustomer(conversation, new Tab(), 2);

        first.open = false;

        assertTrue(registry.attachCustomer(conversation, new Tab(), 2));
    }

    @Test
    void another_conversations_tabs_do_not_count() {
        registry.attachCustomer(conversation, new Tab(), 1);

        assertTrue(registry.attachCustomer(UUID.randomUUID(), new Tab(), 1));
        assertFalse(registry.attachCustomer(conversation, new Tab(), 1));
    }
}
