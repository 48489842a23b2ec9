package com.alpha01.server.platform.release;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * What the server tells the app of one target's release: the newest version and the lowest still allowed, the
 * package (URL, SHA-256, size, Ed25519 signature; empty URL when none is published) and the share of clients it
 * is offered to. {@code publishedAt} is null for a release read from the environment.
 */
public record ReleasePolicy(String target, String version, String minimumVersion, String packageUrl, String sha256,
                            long size, String signature, int rolloutPercent, String notes, Instant publishedAt,
                            String publishedBy) {

    /** Whether a package can be downloaded (else the app can only say that a newer version exists). */
    public boolean hasPackage() {
        return packageUrl != null && !packageUrl.isBlank();
    }

    /**
     * Whether the client is in the rollout: each client falls in a fixed bucket 0–99 per version, so raising the
     * percentage adds clients and never takes one back out; a client below the minimum is always offered it.
     */
    public boolean offeredTo(String clientId, boolean belowMinimum) {
        return belowMinimum || bucket(clientId, version) < rolloutPercent;
    }

    static int bucket(String clientId, String version) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(((clientId == null ? "" : clientId) + "/" + version).getBytes(StandardCharsets.UTF_8));
            long n = ((d[0] & 0xFFL) << 24) | ((d[1] & 0xFFL) << 16) | ((d[2] & 0xFFL) << 8) | (d[3] & 0xFFL);
            return (int) (n % 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
