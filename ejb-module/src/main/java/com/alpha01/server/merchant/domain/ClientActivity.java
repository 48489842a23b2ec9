package com.alpha01.server.merchant.domain;

/**
 * What a merchant client reports about its own work (the {@code report} frame): counts since it started
 * (they only grow until it restarts) and its assistant's answer time over its latest answers ({@code -1}:
 * none yet).
 */
public record ClientActivity(long aiAnswers, long staffAnswers, long handOffs, long modelErrors, long automationRuns,
                             long automationFailures, long aiAnswerP50Ms, long aiAnswerP90Ms) {

    /** Before the first report: nothing done. */
    public static final ClientActivity NONE = new ClientActivity(0, 0, 0, 0, 0, 0, -1, -1);

    /**
     * How much each count grew since {@code before}. A count below its earlier value means the client
     * started again (its counts begin at 0): all of it is new. The answer times are this report's.
     */
    public ClientActivity since(ClientActivity before) {
        return new ClientActivity(growth(aiAnswers, before.aiAnswers), growth(staffAnswers, before.staffAnswers),
                growth(handOffs, before.handOffs), growth(modelErrors, before.modelErrors),
                growth(automationRuns, before.automationRuns), growth(automationFailures, before.automationFailures),
                aiAnswerP50Ms, aiAnswerP90Ms);
    }

    private static long growth(long now, long before) {
        return now >= before ? now - before : now;
    }
}
