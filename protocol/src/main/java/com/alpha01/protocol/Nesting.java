package com.alpha01.protocol;

/** How deep a frame's (or a REST body's) JSON may nest, checked before a parser sees it (issue 15's hostile input). */
public final class Nesting {

    /** Deeper than any frame nests (frames are flat objects): such input is refused before a parser sees it. */
    static final int MAX_DEPTH = 8;

    private Nesting() {
    }

    /**
     * Counts brackets outside strings: a hostile {@code [[[[…} of a few KiB would otherwise cost the
     * parser a deep recursion (and once a stack overflow, logged at length by the container).
     */
    static void check(String text) throws ProtocolException {
        if (deeperThan(text, MAX_DEPTH)) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "frame is nested too deeply", null);
        }
    }

    /** Whether {@code text}'s arrays and objects nest deeper than {@code limit}, counted without parsing. */
    public static boolean deeperThan(String text, int limit) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    inString = false;
                }
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '{' || ch == '[') {
                if (++depth > limit) {
                    return true;
                }
            } else if (ch == '}' || ch == ']') {
                depth--;
            }
        }
        return false;
    }
}
