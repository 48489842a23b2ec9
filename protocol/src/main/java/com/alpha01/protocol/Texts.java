package com.alpha01.protocol;

/**
 * Whether a text can be stored and shown as it was sent. PostgreSQL's {@code text} holds no NUL
 * character, and UTF-8 has no form for half of a surrogate pair (a JSON {@code "\ud800"} alone would be
 * stored as {@code ?}): such texts are refused ({@code BAD_TEXT}), never altered. Everything else —
 * emoji, right-to-left text, combining marks, other control characters — is kept as sent.
 */
public final class Texts {

    private Texts() {
    }

    public static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
