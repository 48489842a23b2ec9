package com.alpha01.client.ai;

import java.util.List;

/**
 * The shop as its settings describe it, for the system prompt and the tools: its name, the tone the assistant
 * writes in, facts it may state (returns policy, delivery, address…) and the business hours.
 */
public record ShopProfile(String name, String tone, List<String> facts, String businessHours) {

    public ShopProfile {
        name = blankTo(name, "本店");
        tone = blankTo(tone, "亲切、简洁、有礼貌");
        facts = facts == null ? List.of() : facts.stream().filter(f -> f != null && !f.isBlank()).map(String::strip).toList();
        businessHours = businessHours == null ? "" : businessHours.strip();
    }

    /** The facts as a bulleted list for the prompt, or a line saying there are none. */
    String factsForPrompt() {
        if (facts.isEmpty()) {
            return "（店铺没有提供更多信息）";
        }
        return String.join("\n", facts.stream().map(f -> "- " + f).toList());
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
