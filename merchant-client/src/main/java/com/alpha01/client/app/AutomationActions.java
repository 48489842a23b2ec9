package com.alpha01.client.app;

import com.alpha01.client.automation.Automation;
import com.alpha01.client.link.ServerLink;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Instant;

/** What automation rules do, done by the app: answer over the link, hand over, tell staff. */
final class AutomationActions implements Automation.Actions {

    private final MerchantApp app;

    AutomationActions(MerchantApp app) {
        this.app = app;
    }

    @Override
    public void reply(String conversationId, String text) {
        ServerLink link = link();
        link.reply(conversationId, text, Frame.Sender.BOT).thenAccept(ack -> new Observer(app).message(
                new Frame.Message(ack.id(), conversationId, ack.seq(), Frame.Sender.BOT, text, Instant.now(), null, null)));
    }

    @Override
    public void notifyStaff(String text) {
        app.notifyStaff("notice", text);
    }

    @Override
    public void handOff(String conversationId, String reason) {
        link().control(Frame.Action.TAKEOVER, conversationId);
        app.notifyStaff("handoff", app.ui.customerOf(conversationId));
    }

    @Override
    public String dailySummary() {
        JsonObject stats = app.currentStats();
        if (stats == null) {
            throw new IllegalStateException("today's figures are not available (offline)");
        }
        long rate = Math.round((stats.get("aiAnswerRate") instanceof JsonNumber n ? n.doubleValue() : 0) * 100);
        return "今日小结：会话 " + stats.getInt("conversations", 0) + "，顾客消息 " + stats.getInt("customerMessages", 0)
                + "，AI 解答率 " + rate + "%，排队 " + stats.getInt("waitingForStaff", 0);
    }

    private ServerLink link() {
        ServerLink link = app.link();
        if (link == null) {
            throw new IllegalStateException("not signed in");
        }
        return link;
    }
}
