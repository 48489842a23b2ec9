package com.alpha01.client.ui;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.ai.StaffNote;
import com.alpha01.client.answering.AutoResponder;
import com.alpha01.client.automation.StaffMessage;
import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.link.LinkState;
import com.alpha01.protocol.Frame;
import java.util.function.Consumer;

/** What the link and the answering side report, to the page (and to staff notices). */
public final class UiEvents implements AutoResponder.Observer {

    private final Bridge bridge;
    private final UiState ui;
    private final StaffNotices notices;
    private final Consumer<LinkState> status;
    private volatile Runnable activity = () -> { };

    public UiEvents(Bridge bridge, UiState ui, StaffNotices notices, Consumer<LinkState> status) {
        this.bridge = bridge;
        this.ui = ui;
        this.notices = notices;
        this.status = status;
    }

    /** {@code activity} runs on every message and change of hands (the shop's figures move). */
    public void onActivity(Runnable activity) {
        this.activity = activity;
    }

    @Override
    public void state(LinkState state) {
        status.accept(state);
    }

    @Override
    public void message(Frame.Message message) {
        UiState.Change change = ui.message(message);
        if (change == null) {
            return;
        }
        bridge.emit("conversation", change.conversation());
        bridge.emit("message", change.message());
        activity.run();
        if (message.sender() == Frame.Sender.CUSTOMER) {
            String customer = ui.customerOf(message.conversationId());
            if (change.handoffRequest()) {
                notices.notify("handoff", customer);
            } else if (change.newConversation()) {
                notices.notify("new", customer);
            }
        }
    }

    @Override
    public void conversationState(Frame.State state) {
        bridge.emit("conversation", ui.state(state));
        activity.run();
    }

    @Override
    public void rated(Frame.Rated rated) {
        bridge.emit("conversation", ui.rated(rated));
        activity.run();
    }

    @Override
    public void read(Frame.Read read) {
        bridge.emit("read", JSON.createObjectBuilder().add("conversationId", read.conversationId())
                .add("seq", read.seq()).build());
    }

    @Override
    public void handOff(String conversationId, StaffNote note) {
        bridge.emit("conversation", ui.handOff(conversationId, note == null ? null : note.toJson()));
        notices.notify("handoff", ui.customerOf(conversationId));
    }

    @Override
    public void staffNotice(StaffMessage message) {
        notices.notice(message);
    }

    @Override
    public void handedToStaff(String conversationId) {
        notices.notify("handoff", ui.customerOf(conversationId));
    }

    @Override
    public void typing(Frame.Typing typing) {
        bridge.emit("typing", JSON.createObjectBuilder().add("conversationId", typing.conversationId())
                .add("typing", typing.typing()).build());
    }
}
