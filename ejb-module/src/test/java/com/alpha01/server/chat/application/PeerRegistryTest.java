package com.alpha01.server.chat.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PeerRegistryTest {

    private final PeerRegistry registry = new PeerRegistry();
    private final UUID conversation = UUID.randomUUID();

    @Test
    void a_conversation_holds_up_to_its_tab_limit_and_refuses_the_next() {
        for (int i = 0; i < 3; i++) {
            assertTrue(registry.attachCustomer(conversation, new FakeChannel(), 3));
        }

        assertFalse(registry.attachCustomer(conversation, new FakeChannel(), 3));
        assertEquals(3, registry.customers(conversation).size());
    }

    @Test
    void a_closed_tab_frees_its_place_even_before_it_is_detached() {
        FakeChannel first = new FakeChannel();
        registry.attachCustomer(conversation, first, 2);
        registry.attachCustomer(conversation, new FakeChannel(), 2);

        first.open = false;

        assertTrue(registry.attachCustomer(conversation, new FakeChannel(), 2));
    }

    @Test
    void another_conversations_tabs_do_not_count() {
        registry.attachCustomer(conversation, new FakeChannel(), 1);

        assertTrue(registry.attachCustomer(UUID.randomUUID(), new FakeChannel(), 1));
        assertFalse(registry.attachCustomer(conversation, new FakeChannel(), 1));
    }
}
