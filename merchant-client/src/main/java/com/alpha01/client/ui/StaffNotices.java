package com.alpha01.client.ui;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.ai.FollowUps;
import com.alpha01.client.automation.StaffMessage;
import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.browser.DesktopWindow;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telling staff what needs them: a notice in the page (a key and values the page words), a desktop notice
 * ({@link Notifier}, worded here in the app's language) and the window asking for attention. Notices carry the
 * customer's display name, never message text.
 */
public final class StaffNotices implements AutoCloseable {

    /** The desktop notices' words; the page has its own in i18n.js ({@code notify.*}, {@code notice.*}). */
    private static final Map<String, Map<String, String>> WORDS = Map.of(
            "zh-CN", Map.of("app", "阿尔法01", "customer", "顾客", "handoff", "{name} 请求人工服务",
                    "new", "新会话：{name}", "followup", "新的跟进任务", "RULE_TEXT", "{text}",
                    "RULE_FAILED", "自动化「{rule}」执行失败：{reason}",
                    "DAILY_SUMMARY", "今日小结：会话 {conversations}，顾客消息 {customerMessages}，AI 解答率 {aiRate}%，排队 {waiting}"),
            "en", Map.of("app", "Alpha 01", "customer", "Customer", "handoff", "{name} asks for a person",
                    "new", "New conversation: {name}", "followup", "New follow-up task", "RULE_TEXT", "{text}",
                    "RULE_FAILED", "Automation “{rule}” failed: {reason}",
                    "DAILY_SUMMARY", "Today: {conversations} conversations, {customerMessages} customer messages, "
                            + "AI answered {aiRate}%, {waiting} waiting"));
    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

    private final Bridge bridge;
    private final Supplier<Optional<DesktopWindow>> window;
    private final Supplier<String> language;
    private final Notifier notifier = new Notifier("Alpha 01 · 阿尔法01");

    public StaffNotices(Bridge bridge, Supplier<Optional<DesktopWindow>> window, Supplier<String> language) {
        this.bridge = bridge;
        this.window = window;
        this.language = language;
    }

    /** {@code kind}: {@code new} (conversation) or {@code handoff} (asks for a person); customer may be blank. */
    public void notify(String kind, String customer) {
        String name = customer == null ? "" : customer.strip();
        bridge.emit("notify", JSON.createObjectBuilder().add("kind", kind).add("customer", name).build());
        notifier.notify(word("app", Map.of()), word("handoff".equals(kind) ? "handoff" : "new",
                Map.of("name", name.isEmpty() ? word("customer", Map.of()) : name)));
        window.get().ifPresent(DesktopWindow::requestAttention);
    }

    /** An automation's message for staff. */
    public void notice(StaffMessage message) {
        JsonObjectBuilder params = JSON.createObjectBuilder();
        message.params().forEach(params::add);
        bridge.emit("notify", JSON.createObjectBuilder().add("kind", "notice").add("key", message.key().name())
                .add("params", params).build());
        notifier.notify(word("app", Map.of()), word(message.key().name(), message.params()));
        window.get().ifPresent(DesktopWindow::requestAttention);
    }

    /** The assistant made a follow-up task. */
    public void followUp(FollowUps.FollowUp task) {
        bridge.emit("followup", JSON.createObjectBuilder().add("id", task.id()).add("summary", task.summary()).build());
        notifier.notify(word("app", Map.of()), word("followup", Map.of()));
    }

    /** {@code key}'s words in the app's language (Chinese when the language is unknown), values filled in. */
    static String word(String language, String key, Map<String, String> params) {
        String text = WORDS.getOrDefault(language, WORDS.get("zh-CN")).get(key);
        Matcher m = PARAM.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(params.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    private String word(String key, Map<String, String> params) {
        return word(language.get(), key, params);
    }

    @Override
    public void close() {
        notifier.close();
    }
}
