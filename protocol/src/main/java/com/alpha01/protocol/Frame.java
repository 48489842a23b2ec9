package com.alpha01.protocol;

import java.time.Instant;

/**
 * One WebSocket text frame. Every frame is a JSON object with a {@code type} field; the
 * records below are the fields of each type. See {@code docs/protocol.md}.
 */
public sealed interface Frame {

    /** Longest message text accepted, in characters. */
    int MAX_TEXT_LENGTH = 4000;

    /** Longest {@code source} label of a reply accepted, in characters. */
    int MAX_SOURCE_LENGTH = 200;

    /** The {@code type} value on the wire. */
    String type();

    /** Customer to server: a new message in the socket's conversation. {@code id} is chosen by the sender and makes resends idempotent. */
    record Send(String id, String text) implements Frame {
        public String type() { return "send"; }
    }

    /**
     * Merchant client to server: an answer in one of its conversations. {@code inReplyTo} is the
     * {@code seq} of the customer message it answers, when it answers one: questions nobody answered
     * are handed to the next client if this one goes away. {@code source} is a short label of what
     * the answer rests on ("常见问题 · 第3条", "价目表.pdf · 第2页"), shown discreetly to the customer;
     * null when staff wrote it or the assistant used no knowledge (older clients never send it).
     * {@code kind} says how the assistant came to it (null: staff, or an older client), for the shop's
     * figures: its knowledge base hit rate and the questions it could not answer.
     */
    record Reply(String id, String conversationId, String text, Sender sender, Long inReplyTo, String source,
                 AnswerKind kind) implements Frame {
        public Reply(String id, String conversationId, String text, Sender sender) {
            this(id, conversationId, text, sender, null, null, null);
        }

        public Reply(String id, String conversationId, String text, Sender sender, Long inReplyTo) {
            this(id, conversationId, text, sender, inReplyTo, null, null);
        }

        public Reply(String id, String conversationId, String text, Sender sender, Long inReplyTo, String source) {
            this(id, conversationId, text, sender, inReplyTo, source, null);
        }

        public String type() { return "reply"; }
    }

    /** Server to sender: the message with this sender id is stored under {@code seq}. */
    record Ack(String id, String conversationId, long seq) implements Frame {
        public String type() { return "ack"; }
    }

    /**
     * Server to receiver: a stored message. {@code id} is the sender's id; {@code source} the
     * answer's {@link Reply#source()} label (null when it has none).
     */
    record Message(String id, String conversationId, long seq, Sender sender, String text, Instant at,
                   String customer, Long inReplyTo, String source) implements Frame {
        public Message(String id, String conversationId, long seq, Sender sender, String text, Instant at,
                       String customer, Long inReplyTo) {
            this(id, conversationId, seq, sender, text, at, customer, inReplyTo, null);
        }

        public String type() { return "message"; }
    }

    /** Receiver to server: the message {@code seq} of the conversation has arrived. */
    record Delivered(String conversationId, long seq) implements Frame {
        public String type() { return "delivered"; }
    }

    /**
     * Either way: the screen has shown the conversation's messages up to {@code seq}. From a peer,
     * the server records it for the other side's messages and relays it to the other side, whose
     * messages up to {@code seq} have then been read.
     */
    record Read(String conversationId, long seq) implements Frame {
        public String type() { return "read"; }
    }

    /**
     * Either way: "I am writing in this conversation" ({@code typing} true) or "I stopped" (false).
     * The server relays it to the other side like {@link Read}; it is never stored, resent or
     * acknowledged. Per socket and conversation one passes a second, and so does the {@code false}
     * that ends a {@code true} that passed; the rest are dropped silently.
     */
    record Typing(String conversationId, boolean typing) implements Frame {
        public String type() { return "typing"; }
    }

    /**
     * Merchant client to server to the customer's tabs: the answer to message {@code inReplyTo} as
     * far as it has been written ({@code text} is the whole answer so far, not the latest piece),
     * while the assistant is still producing it. Relayed like {@link Typing}: never stored, resent
     * or acknowledged; per socket and conversation one passes every 200 ms, and one held back is
     * replaced by a newer one and sent when its turn comes. The answer itself follows as a normal
     * {@link Reply} naming the same {@code inReplyTo}, and replaces the draft on the customer's page.
     */
    record Draft(String conversationId, long inReplyTo, String text) implements Frame {
        public String type() { return "draft"; }
    }

    /**
     * Server to peer after the socket opens: who the peer is, for display and resume. To a customer,
     * {@code welcomeLine} is the line the shop set to open an empty chat with (null: none set, the
     * page uses its default built from {@code merchantName}); never sent to merchant clients.
     */
    record Welcome(String peerId, String merchantId, String merchantName, String conversationId, String welcomeLine)
            implements Frame {
        public Welcome(String peerId, String merchantId, String merchantName, String conversationId) {
            this(peerId, merchantId, merchantName, conversationId, null);
        }

        public String type() { return "welcome"; }
    }

    /** Server to peer: a frame was refused; {@code ref} is the refused frame's id when it had one. */
    record Error(ErrorCode code, String message, String ref) implements Frame {
        public String type() { return "error"; }
    }

    /** Either way: liveness probe; answered with {@link Pong}. */
    record Ping(long nonce) implements Frame {
        public String type() { return "ping"; }
    }

    /** Answer to {@link Ping}. */
    record Pong(long nonce) implements Frame {
        public String type() { return "pong"; }
    }

    /**
     * Merchant client to server: staff take a conversation over from the AI ({@code takeover}, any
     * client of the merchant; the conversation moves to that client), give it back ({@code handback})
     * or end it ({@code close}). The {@code type} on the wire is the action in lower case.
     */
    record Control(Action action, String conversationId) implements Frame {
        public String type() { return action.name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** What staff can do to a conversation. */
    enum Action { TAKEOVER, HANDBACK, CLOSE }

    /**
     * Server to both sides of a conversation: who answers now. {@code state} is one of NEW, BOT,
     * HUMAN, QUEUED, CLOSED; {@code by} names the staff member when HUMAN.
     */
    record State(String conversationId, String state, String by) implements Frame {
        public String type() { return "state"; }
    }

    /**
     * Peer to server after a reconnect: "I hold everything of this conversation up to
     * {@code lastSeq}" (0: nothing). The server answers with every later message, in order (at most
     * {@value #RESUME_LIMIT}; older gaps are read through the history API).
     */
    record Resume(String conversationId, long lastSeq) implements Frame {
        public String type() { return "resume"; }
    }

    /**
     * Merchant client to server, right after connecting and then once a minute: what the client has done
     * since it started, as counts that only grow (a restart starts them at 0 again), and its assistant's
     * answer time over its latest answers ({@code -1}: none yet). The server counts the increments into its
     * metrics and keeps the latest report per client for the shop ({@code GET /api/v1/clients}). Older
     * clients never send it.
     */
    record Report(long aiAnswers, long staffAnswers, long handOffs, long modelErrors, long automationRuns,
                  long automationFailures, long aiAnswerP50Ms, long aiAnswerP90Ms) implements Frame {
        /** Largest count accepted (a client answering every second for 30,000 years). */
        public static final long MAX_COUNT = 1_000_000_000_000L;
        /** Largest answer time accepted, in ms (an hour). */
        public static final long MAX_ANSWER_MS = 3_600_000L;

        public String type() { return "report"; }
    }

    /**
     * Customer to server: the customer's rating of their conversation once it was closed, 1 to 5 stars
     * and an optional comment (at most {@link #MAX_COMMENT_LENGTH} characters). Stored once per closed
     * conversation (until the customer writes again); the same rating again is answered as the first.
     */
    record Rate(String conversationId, int score, String comment) implements Frame {
        public String type() { return "rate"; }
    }

    /**
     * Server to the customer's tabs and the client holding the conversation: it was rated; {@code upToSeq}
     * is the last message of the closed conversation the rating is for. A customer tab opening on a closed,
     * rated conversation gets it before the {@code state}.
     */
    record Rated(String conversationId, long upToSeq, int score, String comment) implements Frame {
        public String type() { return "rated"; }
    }

    /** Longest rating comment accepted, in characters. */
    int MAX_COMMENT_LENGTH = 500;

    /**
     * How the assistant came to an answer: written by the model ({@code AI}), quoted from the knowledge
     * base ({@code EXTRACTIVE}), handed to staff ({@code HANDOFF}), nothing reliable to say ({@code FALLBACK}),
     * or a greeting ({@code GREETING}).
     */
    enum AnswerKind { AI, EXTRACTIVE, HANDOFF, FALLBACK, GREETING }

    /** Most messages one {@code resume} replays. */
    int RESUME_LIMIT = 500;

    /** Who wrote a message. */
    enum Sender { CUSTOMER, BOT, STAFF }

    /** Convenience for acks of stored messages. */
    static Ack ack(String id, String conversationId, long seq) {
        return new Ack(id, conversationId, seq);
    }
}
