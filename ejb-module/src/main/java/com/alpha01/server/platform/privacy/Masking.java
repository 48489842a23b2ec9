package com.alpha01.server.platform.privacy;

/** Masks personal data for logs and for display to merchants. */
public final class Masking {

    private Masking() {
    }

    /**
     * Masks an e-mail address, phone number or user name so that it can be logged or shown:
     * {@code zhang.san@example.com → z***@example.com}, {@code 13812345678 → 138****5678}.
     */
    public static String mask(String value) {
        if (value == null || value.isBlank()) {
            return "***";
        }
        int at = value.indexOf('@');
        if (at > 0) {
            return value.charAt(0) + "***" + value.substring(at);
        }
        String digits = value.replaceAll("[^0-9]", "");
        if (digits.length() >= 7 && value.matches("[0-9+()\\s-]+")) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        if (value.length() <= 2) {
            return value.charAt(0) + "*";
        }
        return value.charAt(0) + "***" + value.charAt(value.length() - 1);
    }
}
