package com.alpha01.client.automation;

import static com.alpha01.protocol.Jsons.JSON;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * One run of a rule and how it went; the 自动化 screen lists them, newest first. {@code attempt} counts from 1;
 * {@code detail} is the failure's own message (empty when it went well).
 */
public record Execution(Instant at, String ruleId, String ruleName, String conversationId, Outcome outcome,
                        int attempt, String detail) {

    /** OK; RETRYING (failed, will be tried again); FAILED (gave up, staff were told). */
    public enum Outcome { OK, RETRYING, FAILED }

    public JsonObject toJson() {
        return JSON.createObjectBuilder().add("at", at.toString()).add("ruleId", ruleId).add("ruleName", ruleName)
                .add("conversationId", conversationId == null ? "" : conversationId).add("outcome", outcome.name())
                .add("attempt", attempt).add("detail", detail == null ? "" : detail).build();
    }

    static Execution fromJson(JsonObject o) {
        return new Execution(Instant.parse(o.getString("at")), o.getString("ruleId"), o.getString("ruleName", ""),
                o.getString("conversationId", ""), Outcome.valueOf(o.getString("outcome")), o.getInt("attempt", 1), o.getString("detail", ""));
    }
}
