package com.alpha01.client.answering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConversationLanesTest {

    @Test
    void a_conversations_tasks_run_in_order_while_another_conversation_goes_on() throws Exception {
        try (ConversationLanes lanes = new ConversationLanes(2, "test-lanes")) {
            String slow = "conversation-0";
            String other = IntStream.range(1, 100).mapToObj(i -> "conversation-" + i)
                    .filter(id -> lanes.lane(id) != lanes.lane(slow)).findFirst().orElseThrow();
            assertEquals(lanes.lane(slow), lanes.lane(slow), "a conversation keeps its lane");

            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch otherDone = new CountDownLatch(1);
            CountDownLatch slowDone = new CountDownLatch(1);
            List<Integer> order = Collections.synchronizedList(new ArrayList<>());
            lanes.execute(slow, () -> {
                await(release);
                order.add(1);
            });
            for (int k = 2; k <= 50; k++) {
                int n = k;
                lanes.execute(slow, () -> order.add(n));
            }
            lanes.execute(slow, slowDone::countDown);
            lanes.execute(other, otherDone::countDown);

            // The other conversation is answered while the first one's task is still held.
            assertTrue(otherDone.await(10, TimeUnit.SECONDS), "another conversation is not held up");
            assertTrue(order.isEmpty());
            release.countDown();
            assertTrue(slowDone.await(10, TimeUnit.SECONDS));
            assertEquals(IntStream.rangeClosed(1, 50).boxed().toList(), order, "one conversation's tasks keep their order");
        }
    }

    @Test
    void the_lanes_are_as_many_as_the_cores_and_at_least_two() {
        try (ConversationLanes lanes = ConversationLanes.perCore("test-lanes")) {
            long used = IntStream.range(0, 1000).map(i -> lanes.lane("c" + i)).distinct().count();
            assertEquals(Math.max(2, Runtime.getRuntime().availableProcessors()), used);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
