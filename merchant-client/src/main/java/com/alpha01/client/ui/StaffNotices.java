package com.alpha01.client.ui;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.ai.FollowUps;
import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.browser.DesktopWindow;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Telling staff what needs them: a notice in the page, a desktop notice ({@link Notifier}) and the
 * window asking for attention. Notices carry the customer's display name, never message text.
 */
public final class StaffNotices implements AutoCloseable {

    private final Bridge bridge;
    private final Supplier<Optional<DesktopWindow>> window;
    private final Notifier notifier = new Notifier("阿尔法01 · 商家端");

    public StaffNotices(Bridge bridge, Supplier<Optional<DesktopWindow>> window) {
        this.bridge = bridge;
        this.window = window;
    }

    /** {@code kind}: {@code new} (conversation), {@code handoff} (asks for a person) or {@code notice} (a rule's text). */
    public void notify(String kind, String customer) {
        String name = customer == null || customer.isBlank() ? "顾客" : customer;
        bridge.emit("notify", JSON.createObjectBuilder().add("kind", kind).add("customer", name).build());
        notifier.notify("阿尔法01", switch (kind) {
            case "handoff" -> name + " 请求人工服务";
            case "notice" -> name;
            default -> "新会话：" + name;
        });
        window.get().ifPresent(DesktopWindow::requestAttention);
    }

    /** The assistant made a follow-up task. */
    public void followUp(FollowUps.FollowUp task) {
        bridge.emit("followup", JSON.createObjectBuilder().add("id", task.id()).add("summary", task.summary()).build());
        notifier.notify("阿尔法01", "新的跟进任务");
    }

    @Override
    public void close() {
        notifier.close();
    }
}
