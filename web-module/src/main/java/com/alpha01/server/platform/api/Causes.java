package com.alpha01.server.platform.api;

import java.util.function.Predicate;

/** Questions about an exception's chain of causes. */
final class Causes {

    private Causes() {
    }

    /** Whether {@code e} or one of its causes passes {@code test} (a cause that is its own cause ends the chain). */
    static boolean any(Throwable e, Predicate<Throwable> test) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}
