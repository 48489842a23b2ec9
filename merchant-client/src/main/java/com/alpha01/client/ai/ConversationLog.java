package com.alpha01.client.ai;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last few customer messages per conversation (bounded, least recently used forgotten first), kept whether or
 * not the model is reachable, for the short summary staff get on a hand-off.
 */
final class ConversationLog {

    private static final int LINES = 3;
    private static final int LINE_CHARS = 60;

    private final Map<String, Deque<String>> lines;

    ConversationLog(int maxConversations) {
        this.lines = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<String>> eldest) {
                return size() > maxConversations;
            }
        };
    }

    synchronized void add(String conversationId, String text) {
        Deque<String> recent = lines.computeIfAbsent(conversationId, id -> new ArrayDeque<>());
        recent.addLast(shorten(text.strip().replaceAll("\\s+", " ")));
        while (recent.size() > LINES) {
            recent.removeFirst();
        }
    }

    synchronized List<String> recent(String conversationId) {
        return List.copyOf(lines.getOrDefault(conversationId, new ArrayDeque<>()));
    }

    /** A few lines for staff: who, why, and what the customer last wrote. */
    StaffNote staffNote(Question question, StaffNote.Reason reason) {
        return staffNote(question, reason, "");
    }

    /** As {@link #staffNote(Question, StaffNote.Reason)}, with the model's own words for why. */
    StaffNote staffNote(Question question, StaffNote.Reason reason, String detail) {
        return new StaffNote(reason, detail, question.customerName(), recent(question.conversationId()));
    }

    private static String shorten(String text) {
        return text.length() <= LINE_CHARS ? text : text.substring(0, LINE_CHARS) + "…";
    }
}
