package com.alpha01.client.automation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something an automation tells staff, as a key and its values: each app words it in its own language
 * ({@code notice.<key>} in the page's message tables), so no sentence is made here.
 */
public record StaffMessage(Key key, Map<String, String> params) {

    public enum Key {
        /** A rule's own text (the shop wrote it): {@code text}. */
        RULE_TEXT,
        /** A rule failed after its retries: {@code rule}, {@code reason}. */
        RULE_FAILED,
        /** Today's figures: {@code conversations}, {@code customerMessages}, {@code aiRate} (percent), {@code waiting}. */
        DAILY_SUMMARY
    }

    public StaffMessage {
        params = Map.copyOf(params);
    }

    public static StaffMessage ruleText(String text) {
        return new StaffMessage(Key.RULE_TEXT, Map.of("text", text == null ? "" : text));
    }

    public static StaffMessage ruleFailed(String rule, String reason) {
        return new StaffMessage(Key.RULE_FAILED, Map.of("rule", rule, "reason", reason));
    }

    public static StaffMessage dailySummary(long conversations, long customerMessages, long aiRatePercent, long waiting) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("conversations", String.valueOf(conversations));
        params.put("customerMessages", String.valueOf(customerMessages));
        params.put("aiRate", String.valueOf(aiRatePercent));
        params.put("waiting", String.valueOf(waiting));
        return new StaffMessage(Key.DAILY_SUMMARY, params);
    }

    /** The value of one parameter ("" when absent). */
    public String param(String name) {
        return params.getOrDefault(name, "");
    }
}
