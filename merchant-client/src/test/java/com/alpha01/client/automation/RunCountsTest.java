package com.alpha01.client.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RunCountsTest {

    @Test
    void a_retried_run_counts_once_when_it_ends_and_failures_are_those_given_up() {
        RunCounts counts = new RunCounts();
        counts.record(Execution.Outcome.RETRYING);
        counts.record(Execution.Outcome.RETRYING);
        counts.record(Execution.Outcome.FAILED);
        counts.record(Execution.Outcome.OK);
        counts.record(Execution.Outcome.RETRYING);
        counts.record(Execution.Outcome.OK);
        assertEquals(3, counts.runs());
        assertEquals(1, counts.failures());
    }
}
