package com.alpha01.server.qr.domain;

import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.merchant.domain.MerchantClient;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A QR code of a merchant, optionally bound to one client. The token itself is never stored. */
@Entity
@Table(name = "qr_code")
public class QrCode {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "merchant_id")
    private Merchant merchant;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "client_id")
    private MerchantClient client;

    /**
     * The two columns above again, read only: a scan compares ids, and asking a lazy proxy for its id
     * loads the entity (two SELECTs per scan). A code never changes merchant or client.
     */
    @Column(name = "merchant_id", insertable = false, updatable = false)
    private UUID merchantId;

    @Column(name = "client_id", insertable = false, updatable = false)
    private UUID clientId;

    @Column(name = "token_hash", nullable = false)
    private byte[] tokenHash;

    @Column(length = 200)
    private String label;

    /** Scene or store tag, e.g. "counter" or "store-east". */
    @Column(length = 100)
    private String scene;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "max_uses")
    private Integer maxUses;

    @Column(nullable = false)
    private int uses;

    protected QrCode() {
    }

    public QrCode(Merchant merchant, MerchantClient client, byte[] tokenHash, String label, Instant now,
                  Instant expiresAt, Integer maxUses) {
        this.id = UUID.randomUUID();
        this.merchant = merchant;
        this.client = client;
        this.merchantId = merchant.id();
        this.clientId = client == null ? null : client.id();
        this.tokenHash = tokenHash.clone();
        this.label = label;
        this.createdAt = now;
        this.expiresAt = expiresAt;
        this.maxUses = maxUses;
    }

    /**
     * Judges a scan presenting {@code token} for the given merchant and client IDs at {@code now},
     * counting a use when valid.
     */
    public ScanOutcome scan(String token, UUID merchantId, UUID clientId, Instant now) {
        if (!QrToken.matches(token, tokenHash)) {
            return ScanOutcome.FORGED;
        }
        if (!this.merchantId.equals(merchantId) || (this.clientId != null && !this.clientId.equals(clientId))) {
            return ScanOutcome.MISMATCH;
        }
        if (revokedAt != null) {
            return ScanOutcome.REVOKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return ScanOutcome.EXPIRED;
        }
        if (maxUses != null && uses >= maxUses) {
            return ScanOutcome.USED_UP;
        }
        uses++;
        return ScanOutcome.VALID;
    }

    /** Where the code stands at {@code now}, as staff see it in the list. */
    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return Status.EXPIRED;
        }
        if (maxUses != null && uses >= maxUses) {
            return Status.USED_UP;
        }
        return Status.ACTIVE;
    }

    /** A code's standing. */
    public enum Status { ACTIVE, EXPIRED, REVOKED, USED_UP }

    /** The scene tag (may be null). */
    public String scene() {
        return scene;
    }

    public void tag(String scene) {
        this.scene = scene;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public Integer maxUses() {
        return maxUses;
    }

    /** Whether {@code token} is this code's (constant-time comparison of hashes). */
    public boolean hasToken(String token) {
        return QrToken.matches(token, tokenHash);
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
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

    public String label() {
        return label;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public int uses() {
        return uses;
    }
}
