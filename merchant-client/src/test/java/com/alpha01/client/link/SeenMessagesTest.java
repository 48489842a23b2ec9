package com.alpha01.client.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SeenMessagesTest {

    private final SeenMessages seen = new SeenMessages();

    @Test
    void a_message_overtaken_by_a_later_one_is_still_shown_once() {
        assertTrue(seen.firstTime("c1", 4), "live delivery of 4 arrives first");
        assertTrue(seen.firstTime("c1", 3), "the replay of 3 is not lost behind it");
        assertFalse(seen.firstTime("c1", 3));
        assertFalse(seen.firstTime("c1", 4));
        assertTrue(seen.firstTime("c2", 3), "conversations are separate");
    }

    @Test
    void resume_asks_after_the_highest_held() {
        seen.firstTime("c1", 2);
        seen.firstTime("c1", 7);
        seen.firstTime("c1", 5);
        seen.firstTime("c2", 1);
        assertEquals(Map.of("c1", 7L, "c2", 1L), seen.highest());
    }

    @Test
    void memory_stays_bounded_and_old_messages_are_not_shown_again() {
        for (long seq = 1; seq <= SeenMessages.KEEP + 10; seq++) {
            assertTrue(seen.firstTime("c1", seq));
        }
        assertFalse(seen.firstTime("c1", 1), "forgotten, but older than anything kept: handled long ago");
        assertTrue(seen.firstTime("c1", SeenMessages.KEEP + 11));
    }
}
