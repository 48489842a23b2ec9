package com.alpha01.client.answering;

import com.alpha01.client.automation.Automation;
import com.alpha01.client.automation.StaffMessage;
import com.alpha01.client.link.ServerLink;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** What automation rules do: answer over the link, hand over, tell staff (through the observer, such as the UI). */
public final class AutomationActions implements Automation.Actions {

    private final Supplier<Optional<ServerLink>> link;
    private final AutoResponder.Observer observer;
    private final Supplier<JsonObject> todaysFigures;

    /**
     * @param link          the link, while signed in
     * @param observer      shown what the rules send and tell
     * @param todaysFigures today's figures from the server, null when they are not available
     */
    public AutomationActions(Supplier<Optional<ServerLink>> link, AutoResponder.Observer observer,
            Supplier<JsonObject> todaysFigures) {
        this.link = link;
        this.observer = observer;
        this.todaysFigures = todaysFigures;
    }

    @Override
    public void reply(String conversationId, String text) {
        link().reply(conversationId, text, Frame.Sender.BOT).thenAccept(ack -> observer.message(
                new Frame.Message(ack.id(), conversationId, ack.seq(), Frame.Sender.BOT, text, Instant.now(), null, null)));
    }

    @Override
    public void notifyStaff(StaffMessage message) {
        observer.staffNotice(message);
    }

    @Override
    public void handOff(String conversationId, String reason) {
        link().control(Frame.Action.TAKEOVER, conversationId);
        observer.handedToStaff(conversationId);
    }

    @Override
    public StaffMessage dailySummary() {
        JsonObject stats = todaysFigures.get();
        if (stats == null) {
            throw new IllegalStateException("today's figures are not available (offline)");
        }
        long rate = Math.round((stats.get("aiAnswerRate") instanceof JsonNumber n ? n.doubleValue() : 0) * 100);
        return StaffMessage.dailySummary(stats.getInt("conversations", 0), stats.getInt("customerMessages", 0), rate,
                stats.getInt("waitingForStaff", 0));
    }

    private ServerLink link() {
        return link.get().orElseThrow(() -> new IllegalStateException("not signed in"));
    }
}
