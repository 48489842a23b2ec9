package com.alpha01.server.chat.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A one-time ticket that lets a signed-in customer's browser open {@code /ws/customer} for one
 * conversation. Only its hash is stored; it expires after {@link #LIFETIME}.
 */
@Entity
@Table(name = "entry_ticket")
public class EntryTicket {

    public static final Duration LIFETIME = Duration.ofMinutes(2);

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "conversation_id", nullable = false)
    private UUID conversationId;

    @Column(name = "customer_subject", nullable = false, length = 100)
    private String customerSubject;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected EntryTicket() {
    }

    /** @param tokenHash hex SHA-256 of the ticket ({@code QrToken.hashHex}) */
    public EntryTicket(String tokenHash, UUID conversationId, String customerSubject, Instant now) {
        this.tokenHash = tokenHash;
        this.conversationId = conversationId;
        this.customerSubject = customerSubject;
        this.expiresAt = now.plus(LIFETIME);
    }

    /** Uses the ticket: true once, within its lifetime. */
    public boolean redeem(Instant now) {
        if (usedAt != null || !now.isBefore(expiresAt)) {
            return false;
        }
        usedAt = now;
        return true;
    }

    public UUID conversationId() {
        return conversationId;
    }

    public String customerSubject() {
        return customerSubject;
    }
}
