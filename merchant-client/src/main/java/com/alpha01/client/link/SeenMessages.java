package com.alpha01.client.link;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which messages of each conversation this client already has, so a replay never shows twice.
 * Messages can arrive out of order (a live delivery may overtake a replay), so this keeps the
 * sequence numbers themselves — the latest {@value #KEEP} per conversation — not only the highest.
 */
final class SeenMessages {

    static final int KEEP = 2000;

    private final Map<String, TreeSet<Long>> seen = new ConcurrentHashMap<>();

    /** True the first time {@code seq} of {@code conversationId} is offered. */
    boolean firstTime(String conversationId, long seq) {
        TreeSet<Long> seqs = seen.computeIfAbsent(conversationId, k -> new TreeSet<>());
        synchronized (seqs) {
            if (seqs.size() >= KEEP && seq < seqs.first()) {
                return false; // older than anything remembered: it was handled long ago
            }
            if (!seqs.add(seq)) {
                return false;
            }
            if (seqs.size() > KEEP) {
                seqs.pollFirst();
            }
            return true;
        }
    }

    /** The highest sequence number held per conversation: what a resume asks after. */
    Map<String, Long> highest() {
        Map<String, Long> highest = new java.util.HashMap<>();
        seen.forEach((conversation, seqs) -> {
            synchronized (seqs) {
                if (!seqs.isEmpty()) {
                    highest.put(conversation, seqs.last());
                }
            }
        });
        return highest;
    }
}
