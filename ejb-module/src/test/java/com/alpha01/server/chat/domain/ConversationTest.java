package com.alpha01.server.chat.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.merchant.domain.MerchantClient;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConversationTest {

    private final Instant now = Instant.parse("2026-11-24T08:00:00Z");
    private final Merchant merchant = new Merchant("demo-shop", "演示店", now);
    private final MerchantClient client = new MerchantClient(merchant, "device-0001", "前台", "0.1", null, now);

    @Test
    void sequence_numbers_start_at_one_and_increase() {
        Conversation c = new Conversation(merchant, client, "sub", "顾客 d***r", null, now);
        assertEquals(1, c.nextSeq(now));
        assertEquals(2, c.nextSeq(now));
        assertEquals(2, c.lastSeq());
    }

    @Test
    void conversation_without_client_is_queued_until_assigned() {
        Conversation c = new Conversation(merchant, null, "sub", "顾客", null, now);
        assertEquals(ConversationState.QUEUED, c.state());
        c.nextSeq(now);
        assertEquals(ConversationState.QUEUED, c.state());
        c.assignTo(client, now);
        assertEquals(ConversationState.BOT, c.state());
        assertTrue(c.isAssignedTo(client.id()));
    }

    @Test
    void first_message_moves_a_new_conversation_to_the_bot() {
        Conversation c = new Conversation(merchant, client, "sub", "顾客", null, now);
        assertEquals(ConversationState.NEW, c.state());
        c.nextSeq(now);
        assertEquals(ConversationState.BOT, c.state());
        assertFalse(c.isAssignedTo(merchant.id()));
    }

    @Test
    void conversation_whose_client_left_waits_queued_and_keeps_its_numbers() {
        Conversation c = new Conversation(merchant, client, "sub", "顾客", null, now);
        c.nextSeq(now);
        c.queue(now);
        assertEquals(ConversationState.QUEUED, c.state());
        assertFalse(c.isAssignedTo(client.id()));
        assertFalse(c.isAssignedTo(null));
        assertEquals(null, c.clientId());
        assertEquals(2, c.nextSeq(now), "sequence continues while queued");
        c.assignTo(client, now);
        assertEquals(ConversationState.BOT, c.state());
    }

    @Test
    void staff_take_over_hand_back_and_close_and_the_customer_reopens() {
        MerchantClient other = new MerchantClient(merchant, "device-0002", "后台", "0.1", null, now);
        Conversation c = new Conversation(merchant, client, "sub", "顾客", null, now);
        c.nextSeq(now);
        c.takeOver(other, now);
        assertEquals(ConversationState.HUMAN, c.state());
        assertTrue(c.isAssignedTo(other.id()), "the conversation moves to the staff member's client");
        assertEquals(other.id(), c.clientId(), "the id read without loading the client follows the move");
        assertFalse(c.accepts(Sender.BOT), "the AI is silent while staff answer");
        assertTrue(c.accepts(Sender.STAFF));
        c.handBack(now);
        assertEquals(ConversationState.BOT, c.state());
        assertTrue(c.accepts(Sender.BOT));
        assertThrows(IllegalStateException.class, () -> c.handBack(now));
        c.close(now);
        assertEquals(ConversationState.CLOSED, c.state());
        c.nextSeq(now);
        assertEquals(ConversationState.BOT, c.state(), "a new customer message reopens it");
    }
}
