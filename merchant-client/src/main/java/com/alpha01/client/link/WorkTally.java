package com.alpha01.client.link;

import com.alpha01.protocol.Frame;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * What this client has done since it started, for the server's monitoring ({@code report} frame, sent by
 * {@link ServerLink} on connecting and every minute): answers by the assistant and by staff, hand-offs to
 * staff, failed model calls, automation runs and failures, and the assistant's answer time over its latest
 * {@value #WINDOW} answers. Counts only grow; the app keeps one tally for its whole run.
 */
public final class WorkTally {

    /** Answer times kept for the percentiles. */
    static final int WINDOW = 200;

    private final LongAdder aiAnswers = new LongAdder();
    private final LongAdder staffAnswers = new LongAdder();
    private final LongAdder handOffs = new LongAdder();
    private final long[] answerMs = new long[WINDOW];
    private int answers;
    private volatile LongSupplier modelErrors = () -> 0;
    private volatile LongSupplier automationRuns = () -> 0;
    private volatile LongSupplier automationFailures = () -> 0;

    /** Where the counts kept elsewhere come from: failed model calls, finished automation runs and the failed ones. */
    public void countsFrom(LongSupplier modelErrors, LongSupplier automationRuns, LongSupplier automationFailures) {
        this.modelErrors = modelErrors;
        this.automationRuns = automationRuns;
        this.automationFailures = automationFailures;
    }

    /** An answer went to the server, written by the assistant ({@code BOT}) or by staff. */
    public void answered(Frame.Sender sender) {
        (sender == Frame.Sender.STAFF ? staffAnswers : aiAnswers).increment();
    }

    /** The assistant took {@code ms} from a question to its answer. */
    public synchronized void answerTook(long ms) {
        answerMs[answers % WINDOW] = Math.max(0, Math.min(ms, Frame.Report.MAX_ANSWER_MS));
        answers++;
    }

    /** The assistant handed a conversation to staff. */
    public void handedOff() {
        handOffs.increment();
    }

    public Frame.Report report() {
        long runs = Math.max(0, automationRuns.getAsLong());
        long failures = Math.min(runs, Math.max(0, automationFailures.getAsLong()));
        long[] times;
        synchronized (this) {
            times = Arrays.copyOf(answerMs, Math.min(answers, WINDOW));
        }
        Arrays.sort(times);
        return new Frame.Report(aiAnswers.sum(), staffAnswers.sum(), handOffs.sum(), Math.max(0, modelErrors.getAsLong()),
                runs, failures, percentile(times, 0.5), percentile(times, 0.9));
    }

    /** The nearest-rank percentile of sorted {@code times}; -1 when there are none. */
    static long percentile(long[] times, double p) {
        if (times.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p * times.length);
        return times[Math.max(0, rank - 1)];
    }
}
