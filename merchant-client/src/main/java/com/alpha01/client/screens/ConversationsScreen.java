package com.alpha01.client.screens;

import static com.alpha01.protocol.Jsons.JSON;

import static com.alpha01.client.screens.Requests.conversation;
import static com.alpha01.client.screens.Requests.link;

import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.bridge.BridgeException;
import com.alpha01.client.kb.UnansweredQuestions;
import com.alpha01.client.link.LinkState;
import com.alpha01.client.link.ServerLink;
import com.alpha01.client.session.StaffSession;
import com.alpha01.client.settings.AppSettings;
import com.alpha01.client.ui.TodaysFigures;
import com.alpha01.client.ui.UiEvents;
import com.alpha01.client.ui.UiState;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Locale;

/**
 * The page's start ({@code ready}: everything shown, again after a reload) and the 会话 screen's
 * requests: reply (queued while offline), read receipts, typing, and take over / hand back / close;
 * and the questions the assistant handed over in a conversation, which staff's reply may answer
 * ({@code conversations.unanswered}: the page offers to add them to the knowledge base).
 */
public final class ConversationsScreen {

    private final UiState ui;
    private final UiEvents events;
    private final AppSettings settings;
    private final StaffSession sessions;
    private final TodaysFigures figures;
    private final UnansweredQuestions unanswered;

    public ConversationsScreen(UiState ui, UiEvents events, AppSettings settings, StaffSession sessions,
            TodaysFigures figures, UnansweredQuestions unanswered) {
        this.ui = ui;
        this.events = events;
        this.settings = settings;
        this.sessions = sessions;
        this.figures = figures;
        this.unanswered = unanswered;
    }

    public void register(Bridge bridge) {
        bridge.on("ready", r -> {
            JsonObjectBuilder snapshot = JSON.createObjectBuilder(ui.snapshot()).add("lang", settings.language())
                    .add("glass", settings.glass());
            JsonObject stats = figures.current();
            if (stats != null) {
                snapshot.add("stats", stats);
            }
            return snapshot.build();
        });
        bridge.on("reply", this::reply);
        bridge.on("conversations.unanswered", r -> {
            JsonArrayBuilder open = JSON.createArrayBuilder();
            unanswered.openIn(conversation(r)).forEach(q -> open.add(KnowledgeScreen.question(q)));
            return JSON.createObjectBuilder().add("questions", open).build();
        });
        bridge.on("read", r -> {
            long seq = r.get("seq") instanceof JsonNumber n ? n.longValue() : 0;
            if (seq < 1) {
                throw new BridgeException("BAD_REQUEST", "read needs a conversationId and a seq");
            }
            ServerLink link = link(sessions);
            link.read(conversation(r), seq);
            return JSON.createObjectBuilder().add("sent", link.state() == LinkState.ONLINE).build();
        });
        bridge.on("typing", r -> {
            ServerLink link = sessions.link().orElse(null);
            if (link != null && link.state() == LinkState.ONLINE) {
                link.typing(conversation(r), r.getBoolean("typing", false));
            }
            return JsonValue.EMPTY_JSON_OBJECT;
        });
        for (Frame.Action action : Frame.Action.values()) {
            bridge.on(action.name().toLowerCase(Locale.ROOT), r -> {
                String conversationId = conversation(r);
                try {
                    link(sessions).control(action, conversationId);
                } catch (IllegalStateException offline) {
                    throw new BridgeException("OFFLINE", "not connected to the server");
                }
                return JSON.createObjectBuilder().add("sent", true).build();
            });
        }
    }

    private JsonObject reply(JsonObject r) throws BridgeException {
        String conversationId = conversation(r);
        String text = r.getString("text", "").strip();
        if (text.isEmpty() || text.length() > Frame.MAX_TEXT_LENGTH) {
            throw new BridgeException("BAD_TEXT", "reply needs 1-4000 characters");
        }
        ServerLink link = link(sessions);
        unanswered.answered(conversationId, text);
        link.reply(conversationId, text, Frame.Sender.STAFF).thenAccept(ack -> events.message(
                new Frame.Message(ack.id(), conversationId, ack.seq(), Frame.Sender.STAFF, text, Instant.now(), null,
                        null)));
        return JSON.createObjectBuilder().add("queued", link.state() != LinkState.ONLINE).build();
    }
}
