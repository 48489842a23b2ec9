package com.alpha01.server.qr.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random bearer tokens (QR codes, entry tickets): 256 random bits, URL-safe text; only their
 * SHA-256 hash is stored, and hashes are compared in constant time.
 */
public final class QrToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    private QrToken() {
    }

    /** A new token as URL-safe Base64 without padding (43 characters). */
    public static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** The hash as lower-case hex, for use as a lookup key. */
    public static String hashHex(String token) {
        return java.util.HexFormat.of().formatHex(hash(token));
    }

    /** Constant-time check of a presented token against a stored hash. */
    public static boolean matches(String presented, byte[] storedHash) {
        if (presented == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(presented), storedHash);
    }

    /** Cheap shape check before any database work: a forged token of the wrong shape is refused at once. */
    public static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c ->
                (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }
}
