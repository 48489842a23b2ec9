package com.alpha01.server.qr.application;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A code as staff see it in their list: settings, standing ({@code ACTIVE}, {@code EXPIRED},
 * {@code REVOKED} or {@code USED_UP}), and its funnel.
 */
public record QrView(UUID id, UUID clientId, String label, String scene, Instant createdAt, Instant expiresAt,
                     Instant revokedAt, Integer maxUses, int uses, String status, Funnel funnel) {

    /**
     * Per code: every scan by outcome ({@code VALID}, {@code EXPIRED}, … in that order); valid scans
     * whose customer signed in; those that led to a customer message; and those whose conversation
     * then got an answer.
     */
    public record Funnel(long scans, Map<String, Long> outcomes, long signedIn, long conversationStarted,
                         long firstReply) {
    }
}
