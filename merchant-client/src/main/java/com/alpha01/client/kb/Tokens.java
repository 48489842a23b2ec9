package com.alpha01.client.kb;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Terms for keyword search without a Chinese word segmenter: overlapping character bigrams of
 * each run of CJK characters (词 are mostly two characters, and a bigram index finds them without
 * a dictionary), single characters except the most common function characters, and ASCII words
 * and numbers. Text is NFKC-normalised first, so full-width letters and digits match.
 */
final class Tokens {

    /** Function characters that carry no topic on their own (they still count inside bigrams). */
    private static final String STOP_CHARS = "的了吗呢吧啊呀么是我你您他她它们这那有在和与或也都就还要会能可以请问怎什多少个一不没几哪谁";

    private Tokens() {
    }

    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Term frequencies of {@code text}. */
    static Map<String, Integer> termFrequencies(String text) {
        Map<String, Integer> tf = new HashMap<>();
        String s = normalize(text);
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (isCjk(c)) {
                int j = i;
                while (j < n && isCjk(s.charAt(j))) {
                    j++;
                }
                for (int k = i; k < j; k++) {
                    if (STOP_CHARS.indexOf(s.charAt(k)) < 0) {
                        tf.merge(String.valueOf(s.charAt(k)), 1, Integer::sum);
                    }
                    if (k + 1 < j) {
                        tf.merge(s.substring(k, k + 2), 1, Integer::sum);
                    }
                }
                i = j;
            } else if (Character.isLetterOrDigit(c)) {
                int j = i;
                while (j < n && Character.isLetterOrDigit(s.charAt(j)) && !isCjk(s.charAt(j))) {
                    j++;
                }
                tf.merge(s.substring(i, j), 1, Integer::sum);
                i = j;
            } else {
                i++;
            }
        }
        return tf;
    }

    /**
     * Whether a term names something on its own: a single character (function characters are never
     * terms) or a word of letters or digits, not a bigram, which only says two characters are adjacent.
     */
    static boolean isContent(String term) {
        return term.length() == 1 || !isCjk(term.charAt(0));
    }

    static int length(Map<String, Integer> tf) {
        int n = 0;
        for (int v : tf.values()) {
            n += v;
        }
        return n;
    }

    static boolean isCjk(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
