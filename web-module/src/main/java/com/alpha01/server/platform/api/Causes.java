package com.alpha01.server.platform.api;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/** Questions about an exception's chain of causes. */
final class Causes {

    private Causes() {
    }

    /**
     * Whether {@code e}, one of its causes or one of the exceptions suppressed along the way passes {@code test}.
     * The suppressed ones count because the transaction manager attaches there what made a commit fail (Narayana's
     * deferred throwables: a {@code RollbackException} whose own cause is empty carries the resource's
     * {@code XAException} and the driver's {@code SQLException} as suppressed). Each exception is looked at once.
     */
    static boolean any(Throwable e, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        if (e != null) {
            next.push(e);
        }
        while (!next.isEmpty()) {
            Throwable t = next.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (test.test(t)) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                next.push(s);
            }
            if (t.getCause() != null) {
                next.push(t.getCause());
            }
        }
        return false;
    }
}
