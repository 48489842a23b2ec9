package com.alpha01.client.screens;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.answering.LocalAi;
import com.alpha01.client.automation.Automation;
import com.alpha01.client.automation.BusinessHours;
import com.alpha01.client.automation.Rule;
import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.bridge.BridgeException;
import com.alpha01.client.ui.UiState;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.LocalTime;

/**
 * The 自动化 screen's requests: the shop's rules (save, delete, enable), business hours and the
 * rules' log; and the follow-up tasks the assistant made (list, done).
 */
public final class AutomationScreen {

    private final Automation automation;
    private final LocalAi ai;
    private final UiState ui;

    public AutomationScreen(Automation automation, LocalAi ai, UiState ui) {
        this.automation = automation;
        this.ai = ai;
        this.ui = ui;
    }

    public void register(Bridge bridge) {
        bridge.on("followups.list", r -> followUps());
        bridge.on("followups.done", r -> {
            if (!ai.followUpDone(r.getString("id", ""))) {
                throw new BridgeException("NOT_FOUND", "no such task");
            }
            return followUps();
        });
        bridge.on("automation.get", r -> automation());
        bridge.on("automation.save", r -> {
            try {
                automation.save(Rule.fromJson(r.getJsonObject("rule")));
            } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
                throw new BridgeException("BAD_RULE", e.getMessage() == null ? "the rule is incomplete" : e.getMessage());
            }
            return automation();
        });
        bridge.on("automation.delete", r -> {
            automation.delete(r.getString("id", ""));
            return automation();
        });
        bridge.on("automation.enable", r -> {
            if (!automation.setEnabled(r.getString("id", ""), r.getBoolean("enabled", false))) {
                throw new BridgeException("NOT_FOUND", "no such rule");
            }
            return automation();
        });
        bridge.on("automation.hours", r -> {
            try {
                automation.setHours(new BusinessHours(LocalTime.parse(r.getString("open", "")),
                        LocalTime.parse(r.getString("close", ""))));
            } catch (RuntimeException e) {
                throw new BridgeException("BAD_HOURS", "opening and closing times as HH:mm, and different");
            }
            return automation();
        });
    }

    private JsonObject followUps() {
        JsonArrayBuilder tasks = JSON.createArrayBuilder();
        ai.followUps().forEach(t -> tasks.add(JSON.createObjectBuilder().add("id", t.id())
                .add("conversationId", t.conversationId() == null ? "" : t.conversationId())
                .add("customer", t.conversationId() == null ? "" : ui.customerOf(t.conversationId()))
                .add("summary", t.summary()).add("createdAt", t.createdAt().toString())));
        return JSON.createObjectBuilder().add("tasks", tasks).build();
    }

    private JsonObject automation() {
        JsonArrayBuilder rules = JSON.createArrayBuilder();
        automation.rules().forEach(rule -> rules.add(rule.toJson()));
        JsonArrayBuilder log = JSON.createArrayBuilder();
        automation.log().stream().limit(100).forEach(e -> log.add(e.toJson()));
        BusinessHours hours = automation.hours();
        return JSON.createObjectBuilder().add("rules", rules).add("log", log)
                .add("hours", JSON.createObjectBuilder().add("open", hours.open().toString())
                        .add("close", hours.close().toString())).build();
    }
}
