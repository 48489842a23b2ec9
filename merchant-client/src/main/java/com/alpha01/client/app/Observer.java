package com.alpha01.client.app;

import com.alpha01.client.link.LinkState;
import com.alpha01.protocol.Frame;
import jakarta.json.Json;

/** Link events to the UI (and to staff notices). */
final class Observer implements AutoResponder.Observer {

    private final MerchantApp app;

    Observer(MerchantApp app) {
        this.app = app;
    }

    @Override
    public void state(LinkState state) {
        app.status(state);
    }

    @Override
    public void message(Frame.Message message) {
        UiState.Change change = app.ui.message(message);
        if (change == null) {
            return;
        }
        app.bridge.emit("conversation", change.conversation());
        app.bridge.emit("message", change.message());
        if (message.sender() == Frame.Sender.CUSTOMER) {
            String customer = app.ui.customerOf(message.conversationId());
            if (change.handoffRequest()) {
                app.notifyStaff("handoff", customer);
            } else if (change.newConversation()) {
                app.notifyStaff("new", customer);
            }
        }
    }

    @Override
    public void conversationState(Frame.State state) {
        app.bridge.emit("conversation", app.ui.state(state));
    }

    @Override
    public void read(Frame.Read read) {
        app.bridge.emit("read", Json.createObjectBuilder().add("conversationId", read.conversationId())
                .add("seq", read.seq()).build());
    }

    @Override
    public void handOff(String conversationId, String summary) {
        app.bridge.emit("conversation", app.ui.handOff(conversationId, summary));
        app.notifyStaff("handoff", app.ui.customerOf(conversationId));
    }

    @Override
    public void typing(Frame.Typing typing) {
        app.bridge.emit("typing", Json.createObjectBuilder().add("conversationId", typing.conversationId())
                .add("typing", typing.typing()).build());
    }
}
