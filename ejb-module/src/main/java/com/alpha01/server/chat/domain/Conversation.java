package com.alpha01.server.chat.domain;

import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.merchant.domain.MerchantClient;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer's conversation with one merchant. It hands out the per-conversation sequence
 * numbers, so callers lock it ({@code PESSIMISTIC_WRITE}) before {@link #nextSeq(Instant)}.
 */
@Entity
@Table(name = "conversation")
public class Conversation {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "merchant_id")
    private Merchant merchant;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "client_id")
    private MerchantClient client;

    /**
     * The same column as {@link #client}, read only, kept equal to its id by every method that moves
     * the conversation: the association is lazy, and asking its proxy for the id would load the client
     * (a SELECT on every message, issue 14's profile).
     */
    @Column(name = "client_id", insertable = false, updatable = false)
    private UUID clientId;

    @Column(name = "customer_subject", nullable = false, length = 100)
    private String customerSubject;

    @Column(name = "customer_name", nullable = false, length = 200)
    private String customerName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ConversationState state;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "qr_code_id")
    private UUID qrCodeId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Guards against writing back a stale copy (e.g. an old {@code last_seq}): such a write fails instead. */
    @Version
    @Column(nullable = false)
    private long version;

    protected Conversation() {
    }

    public Conversation(Merchant merchant, MerchantClient client, String customerSubject, String customerName,
                        UUID qrCodeId, Instant now) {
        this.id = UUID.randomUUID();
        this.merchant = merchant;
        this.client = client;
        this.clientId = client == null ? null : client.id();
        this.customerSubject = customerSubject;
        this.customerName = customerName;
        this.qrCodeId = qrCodeId;
        this.state = client == null ? ConversationState.QUEUED : ConversationState.NEW;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The next sequence number; the conversation row must be locked by the caller. */
    public long nextSeq(Instant now) {
        updatedAt = now;
        if (state == ConversationState.NEW || state == ConversationState.CLOSED) {
            state = client == null ? ConversationState.QUEUED : ConversationState.BOT;
        }
        return ++lastSeq;
    }

    /** Hands the conversation to a client (assignment, or a client coming online for a queued one). */
    public void assignTo(MerchantClient newClient, Instant now) {
        this.client = newClient;
        this.clientId = newClient == null ? null : newClient.id();
        if (state == ConversationState.QUEUED) {
            state = lastSeq == 0 ? ConversationState.NEW : ConversationState.BOT;
        }
        this.updatedAt = now;
    }

    /** No client of the merchant is online: the conversation waits for the next one to connect. */
    public void queue(Instant now) {
        this.client = null;
        this.clientId = null;
        if (state != ConversationState.CLOSED) {
            state = ConversationState.QUEUED;
        }
        this.updatedAt = now;
    }

    /** Staff at {@code byClient} take over from the AI; the conversation moves to that client. */
    public void takeOver(MerchantClient byClient, Instant now) {
        this.client = byClient;
        this.clientId = byClient.id();
        this.state = ConversationState.HUMAN;
        this.updatedAt = now;
    }

    /** Staff give the conversation back to the AI. Only a conversation staff hold can be handed back. */
    public void handBack(Instant now) {
        if (state != ConversationState.HUMAN) {
            throw new IllegalStateException("only a conversation staff answer can be handed back (is " + state + ")");
        }
        this.state = ConversationState.BOT;
        this.updatedAt = now;
    }

    /** Ends the conversation; the customer's next message reopens it. */
    public void close(Instant now) {
        this.state = ConversationState.CLOSED;
        this.updatedAt = now;
    }

    /** Whether an answer of this kind may be stored now: the AI stays silent while staff answer. */
    public boolean accepts(Sender sender) {
        return !(sender == Sender.BOT && state == ConversationState.HUMAN);
    }

    public boolean isAssignedTo(UUID clientId) {
        return this.clientId != null && this.clientId.equals(clientId);
    }

    public UUID id() {
        return id;
    }

    public Merchant merchant() {
        return merchant;
    }

    public MerchantClient client() {
        return client;
    }

    /** The id of the client holding the conversation (null while queued), without loading the client. */
    public UUID clientId() {
        return clientId;
    }

    public String customerSubject() {
        return customerSubject;
    }

    public String customerName() {
        return customerName;
    }

    public ConversationState state() {
        return state;
    }

    public long lastSeq() {
        return lastSeq;
    }

    /** When a message or a change of who answers last touched it. */
    public Instant updatedAt() {
        return updatedAt;
    }
}
