package com.alpha01.server.chat.application;

import com.alpha01.server.chat.domain.ChatMessage;
import com.alpha01.server.chat.domain.ConversationState;
import com.alpha01.server.chat.domain.Sender;
import java.time.Instant;
import java.util.UUID;

/**
 * What the chat use cases tell a peer, in their own terms: a {@link PeerChannel} takes these, and
 * the web edge turns each into its wire frame (docs/protocol.md). The {@link Relay} carries them
 * between the nodes of the cluster.
 */
public sealed interface Outbound {

    /** The conversation it concerns; null only for a merchant client's welcome. */
    UUID conversationId();

    /** Sent once when a socket opens; {@code welcomeLine} (customers only) is the shop's own line, null when unset. */
    record Welcome(String peerId, UUID merchantId, String merchantName, UUID conversationId, String welcomeLine)
            implements Outbound {
    }

    /**
     * A stored message. {@code customer} is the masked customer name shown to merchant clients (null
     * toward customers); {@code id} is the sender's own message id; {@code source} what an answer rests on.
     */
    record Message(UUID conversationId, long seq, String id, Sender sender, String text, Instant at,
                   String customer, Long inReplyTo, String source) implements Outbound {

        public static Message of(ChatMessage m, String customer) {
            return new Message(m.conversation().id(), m.seq(), m.senderMsgId(), m.sender(), m.body(), m.createdAt(),
                    customer, m.inReplyTo(), m.source());
        }
    }

    /** Who answers the conversation now; {@code by} is the staff member's name while HUMAN. */
    record State(UUID conversationId, ConversationState state, String by) implements Outbound {
    }

    /** The other side's screen has shown the conversation up to {@code seq}. */
    record Read(UUID conversationId, long seq) implements Outbound {
    }

    /** The other side is writing, or stopped. */
    record Typing(UUID conversationId, boolean typing) implements Outbound {
    }

    /** An answer still being written, as far as it goes. */
    record Draft(UUID conversationId, long inReplyTo, String text) implements Outbound {
    }

    /** The customer rated the conversation closed after message {@code upToSeq}; {@code comment} may be null. */
    record Rated(UUID conversationId, long upToSeq, int score, String comment) implements Outbound {
    }
}
