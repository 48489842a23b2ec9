package com.alpha01.client.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WorkTallyTest {

    @Test
    void a_new_tally_reports_nothing_and_no_answer_times() {
        assertEquals(new Frame.Report(0, 0, 0, 0, 0, 0, -1, -1), new WorkTally().report());
    }

    @Test
    void answers_hand_offs_and_the_counts_kept_elsewhere_are_reported() throws Exception {
        WorkTally tally = new WorkTally();
        AtomicLong errors = new AtomicLong(2);
        AtomicLong runs = new AtomicLong(4);
        AtomicLong failures = new AtomicLong(9); // never more failures than runs on the wire
        tally.countsFrom(errors::get, runs::get, failures::get);
        tally.answered(Frame.Sender.BOT);
        tally.answered(Frame.Sender.BOT);
        tally.answered(Frame.Sender.STAFF);
        tally.handedOff();
        for (long ms = 100; ms <= 1000; ms += 100) {
            tally.answerTook(ms);
        }
        Frame.Report report = tally.report();
        assertEquals(new Frame.Report(2, 1, 1, 2, 4, 4, 500, 900), report);
        assertEquals(report, FrameCodec.decode(FrameCodec.encode(report)), "what it reports passes the server's rules");
    }

    @Test
    void answer_times_are_those_of_the_latest_answers_and_capped() {
        WorkTally tally = new WorkTally();
        for (int i = 0; i < WorkTally.WINDOW; i++) {
            tally.answerTook(60_000); // an old slow spell
        }
        for (int i = 0; i < WorkTally.WINDOW; i++) {
            tally.answerTook(300);
        }
        assertEquals(300, tally.report().aiAnswerP90Ms(), "the window moved on");
        tally.answerTook(Long.MAX_VALUE);
        assertEquals(300, tally.report().aiAnswerP50Ms());
        assertEquals(-1, WorkTally.percentile(new long[0], 0.5));
        assertEquals(7, WorkTally.percentile(new long[] {7}, 0.9));
    }
}
