package com.alpha01.client.ai;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The model's requests to hand a conversation to staff, read by {@link AnswerService} when the answer is done. */
final class HandOffRequests {

    private final Map<String, String> reasons = new ConcurrentHashMap<>();

    void request(String conversationId, String reason) {
        reasons.put(conversationId, reason == null ? "" : reason.strip());
    }

    Optional<String> take(String conversationId) {
        return Optional.ofNullable(reasons.remove(conversationId));
    }

    void clear(String conversationId) {
        reasons.remove(conversationId);
    }
}
