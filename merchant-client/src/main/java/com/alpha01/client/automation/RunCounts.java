package com.alpha01.client.automation;

import java.util.concurrent.atomic.LongAdder;

/** Rule runs finished since the app started (a retried run counts once, when it ends) and those that failed for good. */
public final class RunCounts {

    private final LongAdder runs = new LongAdder();
    private final LongAdder failures = new LongAdder();

    void record(Execution.Outcome outcome) {
        if (outcome != Execution.Outcome.RETRYING) {
            runs.increment();
            if (outcome == Execution.Outcome.FAILED) {
                failures.increment();
            }
        }
    }

    public long runs() {
        return runs.sum();
    }

    public long failures() {
        return failures.sum();
    }
}
