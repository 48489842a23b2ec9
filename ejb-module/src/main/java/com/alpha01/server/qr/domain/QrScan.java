package com.alpha01.server.qr.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One scan of a QR URL and its outcome. A valid scan's id is the customer's entry pass: the chat
 * page presents it after sign-in to open the conversation, within {@link #ENTRY_WINDOW}.
 */
@Entity
@Table(name = "qr_scan")
public class QrScan {

    /** How long after a valid scan the customer may still open the chat with it. */
    public static final Duration ENTRY_WINDOW = Duration.ofMinutes(30);

    @Id
    private UUID id;

    @Column(name = "qr_code_id")
    private UUID qrCodeId;

    @Column(name = "merchant_id")
    private UUID merchantId;

    @Column(name = "client_id")
    private UUID clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ScanOutcome outcome;

    @Column(name = "scanned_at", nullable = false)
    private Instant scannedAt;

    @Column(name = "customer_subject", length = 100)
    private String customerSubject;

    /** The conversation this scan led into (for the funnel); set when the customer enters. */
    @Column(name = "conversation_id")
    private UUID conversationId;

    protected QrScan() {
    }

    public QrScan(UUID qrCodeId, UUID merchantId, UUID clientId, ScanOutcome outcome, Instant now) {
        this.id = UUID.randomUUID();
        this.qrCodeId = qrCodeId;
        this.merchantId = merchantId;
        this.clientId = clientId;
        this.outcome = outcome;
        this.scannedAt = now;
    }

    /** Whether this scan still admits {@code subject} to a chat at {@code now}; claims it for them if so. */
    public boolean admit(String subject, Instant now) {
        if (outcome != ScanOutcome.VALID || now.isAfter(scannedAt.plus(ENTRY_WINDOW))) {
            return false;
        }
        if (customerSubject == null) {
            customerSubject = subject;
            return true;
        }
        return customerSubject.equals(subject);
    }

    /** The customer entered conversation {@code id} with this scan. */
    public void ledTo(UUID conversation) {
        if (conversationId == null) {
            conversationId = conversation;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID qrCodeId() {
        return qrCodeId;
    }

    public UUID merchantId() {
        return merchantId;
    }

    public UUID clientId() {
        return clientId;
    }

    public ScanOutcome outcome() {
        return outcome;
    }
}
