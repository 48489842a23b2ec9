package com.alpha01.client.answering;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where the shop's answers are worked out: one lane (a single thread) per slice of the conversations,
 * as many lanes as cores. A conversation always takes the same lane, so its questions are handled in
 * the order they came; different conversations are answered side by side. One thread for all of them
 * held the app to ≈42 model answers/s with a growing queue (issue 14's {@code e2e-50}: retrieval and
 * the model request are worked out on it before the answer streams).
 */
final class ConversationLanes implements AutoCloseable {

    private final List<ExecutorService> lanes = new ArrayList<>();

    ConversationLanes(int count, String name) {
        for (int i = 0; i < count; i++) {
            String thread = name + "-" + (i + 1);
            lanes.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, thread);
                t.setDaemon(true);
                return t;
            }));
        }
    }

    /** As many lanes as the machine has cores, at least two. */
    static ConversationLanes perCore(String name) {
        return new ConversationLanes(Math.max(2, Runtime.getRuntime().availableProcessors()), name);
    }

    /** Runs {@code task} after every task given before for the same conversation. */
    void execute(String conversationId, Runnable task) {
        lanes.get(lane(conversationId)).execute(task);
    }

    /** The lane of a conversation (always the same). */
    int lane(String conversationId) {
        return Math.floorMod(conversationId.hashCode(), lanes.size());
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdownNow);
    }
}
