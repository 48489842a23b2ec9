package com.alpha01.protocol.release;

import java.util.regex.Pattern;

/** Release versions: dotted numbers with an optional suffix ({@code 0.10.0}, {@code 1.2.0-rc1}). */
public final class Versions {

    private static final Pattern VERSION = Pattern.compile("\\d{1,6}(\\.\\d{1,6}){0,3}(-[0-9A-Za-z.]{1,20})?");

    private Versions() {
    }

    /** Whether {@code version} is one this product publishes. */
    public static boolean valid(String version) {
        return version != null && VERSION.matcher(version).matches();
    }

    /**
     * Compares dotted versions numerically ({@code 0.10.0 > 0.9.1}); a suffix such as {@code -SNAPSHOT} sorts
     * before the release of the same number.
     */
    public static int compare(String a, String b) {
        String[] x = a.split("-", 2);
        String[] y = b.split("-", 2);
        String[] p = x[0].split("\\.");
        String[] q = y[0].split("\\.");
        for (int i = 0; i < Math.max(p.length, q.length); i++) {
            int c = Long.compare(number(p, i), number(q, i));
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(x.length == 1, y.length == 1);
    }

    private static long number(String[] parts, int i) {
        if (i >= parts.length) {
            return 0;
        }
        try {
            return Long.parseLong(parts[i].strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
