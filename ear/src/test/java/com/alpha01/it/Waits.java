package com.alpha01.it;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/** Polling with a deadline, for conditions that have no event to wait on. */
final class Waits {

    static final Duration DEADLINE = Duration.ofSeconds(30);

    private Waits() {
    }

    static void until(String what, Callable<Boolean> condition) throws Exception {
        until(what, DEADLINE, condition);
    }

    /** For work that scales with a test's size (a crowd of customers): a longer deadline, still no timing assertion. */
    static void until(String what, Duration deadline, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (!Boolean.TRUE.equals(condition.call())) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline + ": " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }
}
