package com.alpha01.server.chat.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One stored message. Unique by (conversation, seq) and by (conversation, sender, sender's id). */
@Entity
@Table(name = "chat_message")
public class ChatMessage {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "conversation_id")
    private Conversation conversation;

    @Column(nullable = false)
    private long seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Sender sender;

    @Column(name = "sender_msg_id", nullable = false, length = 64)
    private String senderMsgId;

    @Column(nullable = false, columnDefinition = "text")
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "in_reply_to")
    private Long inReplyTo;

    /** What an answer rests on, as the merchant client labelled it; null for none. */
    @Column(length = 200)
    private String source;

    /** How the assistant came to this answer (AI, EXTRACTIVE, HANDOFF, FALLBACK, GREETING); null otherwise. */
    @Column(name = "answer_kind", length = 12)
    private String answerKind;

    /** The staff member who wrote a STAFF message. */
    @Column(length = 200)
    private String author;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    /** When the receiver's screen showed it (a {@code read} frame); implies delivered. */
    @Column(name = "read_at")
    private Instant readAt;

    protected ChatMessage() {
    }

    public ChatMessage(Conversation conversation, long seq, Sender sender, String senderMsgId, String body,
                       Instant now) {
        this.id = UUID.randomUUID();
        this.conversation = conversation;
        this.seq = seq;
        this.sender = sender;
        this.senderMsgId = senderMsgId;
        this.body = body;
        this.createdAt = now;
    }

    public void delivered(Instant now) {
        if (deliveredAt == null) {
            deliveredAt = now;
        }
    }

    public UUID id() {
        return id;
    }

    public Conversation conversation() {
        return conversation;
    }

    public long seq() {
        return seq;
    }

    public Sender sender() {
        return sender;
    }

    /** Marks this answer as the answer to customer message {@code seq}. */
    public void answers(Long seq) {
        this.inReplyTo = seq;
    }

    public Long inReplyTo() {
        return inReplyTo;
    }

    /** Labels what this answer rests on (a knowledge-base entry, a document page); null for none. */
    public void restsOn(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    /** Records how an assistant's answer came about, or who of the staff wrote one (for the shop's figures). */
    public void madeBy(String answerKind, String author) {
        this.answerKind = sender == Sender.BOT ? answerKind : null;
        this.author = sender == Sender.STAFF && author != null && !author.isBlank()
                ? author.substring(0, Math.min(200, author.length())) : null;
    }

    public String senderMsgId() {
        return senderMsgId;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }
}
