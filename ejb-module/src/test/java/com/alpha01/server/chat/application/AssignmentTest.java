package com.alpha01.server.chat.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();

    /** Every client at the same capacity, as when none registered its own. */
    private Map<UUID, Integer> each(int capacity) {
        return Map.of(a, capacity, b, capacity, c, capacity);
    }

    @Test
    void the_qr_codes_client_wins_while_it_has_room() {
        assertEquals(Optional.of(b), Assignment.pick(List.of(a, b, c), Map.of(a, 0L, b, 5L), each(10), b));
    }

    @Test
    void a_full_preferred_client_gives_way_to_the_least_loaded() {
        assertEquals(Optional.of(c), Assignment.pick(List.of(a, b, c), Map.of(a, 3L, b, 10L, c, 1L), each(10), b));
    }

    @Test
    void least_loaded_wins_and_the_first_registered_breaks_a_tie() {
        assertEquals(Optional.of(b), Assignment.pick(List.of(a, b, c), Map.of(a, 2L, b, 0L, c, 0L), each(10), null));
    }

    @Test
    void an_offline_preferred_client_is_not_chosen() {
        assertEquals(Optional.of(a), Assignment.pick(List.of(a), Map.of(), each(10), c));
    }

    @Test
    void when_every_client_is_full_the_conversation_waits() {
        assertTrue(Assignment.pick(List.of(a, b), Map.of(a, 10L, b, 12L), each(10), a).isEmpty());
        assertTrue(Assignment.pick(List.of(), Map.of(), each(10), null).isEmpty());
    }

    @Test
    void a_preferred_client_at_its_own_cap_gives_way_although_the_server_cap_is_far() {
        assertEquals(Optional.of(b), Assignment.pick(List.of(a, b), Map.of(a, 1L, b, 7L), Map.of(a, 1, b, 1000), a));
    }

    @Test
    void the_least_loaded_client_at_its_own_cap_is_passed_over_for_one_with_room() {
        assertEquals(Optional.of(c), Assignment.pick(List.of(a, b, c), Map.of(a, 2L, b, 5L, c, 4L),
                Map.of(a, 2, b, 5, c, 1000), null));
    }

    @Test
    void every_client_at_its_own_cap_means_the_conversation_waits() {
        assertTrue(Assignment.pick(List.of(a, b), Map.of(a, 1L, b, 3L), Map.of(a, 1, b, 3), b).isEmpty());
    }

    @Test
    void a_client_without_a_known_capacity_gets_nothing() {
        assertTrue(Assignment.pick(List.of(a), Map.of(), Map.of(), a).isEmpty());
    }

    @Test
    void three_customers_of_a_code_for_a_client_capped_at_one_go_one_to_it_and_two_to_the_other() {
        Map<UUID, Long> load = new HashMap<>();
        Map<UUID, Integer> capacity = Map.of(a, 1, b, 1000);
        for (int i = 0; i < 3; i++) {
            UUID chosen = Assignment.pick(List.of(a, b), load, capacity, a).orElseThrow();
            load.merge(chosen, 1L, Long::sum);
        }
        assertEquals(Map.of(a, 1L, b, 2L), load);
    }
}
