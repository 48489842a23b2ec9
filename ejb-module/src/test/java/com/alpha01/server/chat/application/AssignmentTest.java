package com.alpha01.server.chat.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();

    @Test
    void the_qr_codes_client_wins_while_it_has_room() {
        assertEquals(Optional.of(b), Assignment.pick(List.of(a, b, c), Map.of(a, 0L, b, 5L), b, 10));
    }

    @Test
    void a_full_preferred_client_gives_way_to_the_least_loaded() {
        assertEquals(Optional.of(c), Assignment.pick(List.of(a, b, c), Map.of(a, 3L, b, 10L, c, 1L), b, 10));
    }

    @Test
    void least_loaded_wins_and_the_first_registered_breaks_a_tie() {
        assertEquals(Optional.of(b), Assignment.pick(List.of(a, b, c), Map.of(a, 2L, b, 0L, c, 0L), null, 10));
    }

    @Test
    void an_offline_preferred_client_is_not_chosen() {
        assertEquals(Optional.of(a), Assignment.pick(List.of(a), Map.of(), c, 10));
    }

    @Test
    void when_every_client_is_full_the_conversation_waits() {
        assertTrue(Assignment.pick(List.of(a, b), Map.of(a, 10L, b, 12L), a, 10).isEmpty());
        assertTrue(Assignment.pick(List.of(), Map.of(), null, 10).isEmpty());
    }
}
