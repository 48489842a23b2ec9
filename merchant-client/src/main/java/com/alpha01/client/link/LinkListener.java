package com.alpha01.client.link;

import com.alpha01.protocol.Frame;

/** What the link reports. Called on the link's own thread; implementations hand off long work. */
public interface LinkListener {

    /** Connection state changed. */
    void onState(LinkState state);

    /** The server greeted a new connection. */
    default void onWelcome(Frame.Welcome welcome) {
    }

    /** A customer message, each (conversation, seq) once even when the server replays it. */
    void onMessage(Frame.Message message);

    /** Who answers a conversation changed (staff took over, handed back, closed). */
    default void onConversationState(Frame.State state) {
    }

    /** The customer rated a closed conversation (1–5 stars, maybe a comment). */
    default void onRated(Frame.Rated rated) {
    }

    /** The customer's screen has shown the conversation up to {@code read.seq()}: our answers up to it are read. */
    default void onRead(Frame.Read read) {
    }

    /** The customer is typing (or stopped) in a conversation. */
    default void onTyping(Frame.Typing typing) {
    }

    /** The server refused a frame. */
    default void onError(Frame.Error error) {
    }
}
