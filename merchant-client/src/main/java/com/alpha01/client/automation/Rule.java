package com.alpha01.client.automation;

import static com.alpha01.protocol.Jsons.JSON;

import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One automation: when {@code trigger} happens (and {@code match} fits), do {@code action} with
 * {@code text}. {@code match} is the keywords ({@code |}-separated) of a KEYWORD rule, the example
 * phrases of an INTENT rule (a message alike in meaning to one of them fires it), the minutes of
 * an IDLE rule and the cron expression of a SCHEDULE rule; empty otherwise.
 */
public record Rule(String id, String name, boolean enabled, Trigger trigger, String match, Action action, String text) {

    /** What starts a rule. */
    public enum Trigger { KEYWORD, INTENT, NEW_CONVERSATION, IDLE, AFTER_HOURS, SCHEDULE }

    /** What a rule does. REPLY and HAND_OFF need a conversation; schedules notify staff. */
    public enum Action { REPLY, NOTIFY_STAFF, HAND_OFF, DAILY_SUMMARY }

    public Rule {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("id: 1-40 letters, digits, - or _");
        }
        name = name == null ? "" : name.strip();
        match = match == null ? "" : match.strip();
        text = text == null ? "" : text.strip();
        if (name.isEmpty() || name.length() > 60) {
            throw new IllegalArgumentException("name: 1-60 characters");
        }
        if (trigger == null || action == null) {
            throw new IllegalArgumentException("trigger and action are required");
        }
        if (text.length() > 1000) {
            throw new IllegalArgumentException("text: at most 1000 characters");
        }
        switch (trigger) {
            case KEYWORD, INTENT -> {
                if (keywords(match).isEmpty()) {
                    throw new IllegalArgumentException(trigger == Trigger.KEYWORD
                            ? "a keyword rule needs keywords, separated by |"
                            : "an intent rule needs example phrases, separated by |");
                }
            }
            case IDLE -> {
                int minutes;
                try {
                    minutes = Integer.parseInt(match);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("an idle rule needs its minutes (1-1440)");
                }
                if (minutes < 1 || minutes > 1440) {
                    throw new IllegalArgumentException("an idle rule needs its minutes (1-1440)");
                }
            }
            case SCHEDULE -> {
                Cron.parse(match);
                if (action == Action.REPLY || action == Action.HAND_OFF) {
                    throw new IllegalArgumentException("a schedule has no conversation: notify staff or send the summary");
                }
            }
            default -> { }
        }
        if ((action == Action.REPLY || action == Action.NOTIFY_STAFF) && text.isEmpty()) {
            throw new IllegalArgumentException("this action needs its text");
        }
    }

    /** The keywords of a KEYWORD rule, lower-case. */
    static List<String> keywords(String match) {
        return Arrays.stream(match.split("\\|")).map(k -> k.strip().toLowerCase(Locale.ROOT))
                .filter(k -> !k.isEmpty()).toList();
    }

    Rule withEnabled(boolean on) {
        return new Rule(id, name, on, trigger, match, action, text);
    }

    public JsonObject toJson() {
        return JSON.createObjectBuilder().add("id", id).add("name", name).add("enabled", enabled)
                .add("trigger", trigger.name()).add("match", match).add("action", action.name()).add("text", text).build();
    }

    /** From the UI or the store; IllegalArgumentException when anything is missing or wrong. */
    public static Rule fromJson(JsonObject o) {
        try {
            return new Rule(o.getString("id", ""), o.getString("name", ""), o.getBoolean("enabled", false),
                    Trigger.valueOf(o.getString("trigger", "")), o.getString("match", ""),
                    Action.valueOf(o.getString("action", "")), o.getString("text", ""));
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("a rule's fields have the wrong types");
        }
    }

    /** What a new shop starts with: the useful ones on, the examples off. */
    static List<Rule> defaults() {
        return List.of(
                new Rule("greeting", "新会话问候", false, Trigger.NEW_CONVERSATION, "", Action.REPLY,
                        "您好，欢迎光临！我是智能助手，有什么可以帮您？"),
                new Rule("after-hours", "非营业时间提示", true, Trigger.AFTER_HOURS, "", Action.REPLY,
                        "现在是非营业时间，您的留言已收到，店员上班后会第一时间回复您。"),
                new Rule("idle-follow-up", "久未回复跟进", false, Trigger.IDLE, "10", Action.REPLY,
                        "请问还有什么可以帮您的吗？"),
                new Rule("invoice", "发票咨询转人工", false, Trigger.KEYWORD, "发票|开票|invoice", Action.HAND_OFF, ""),
                new Rule("daily-summary", "每日小结", true, Trigger.SCHEDULE, "30 21 * * *", Action.DAILY_SUMMARY, ""));
    }
}
