package com.alpha01.client.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.ai.FakeZhipuServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Measures the time to first token the client adds over the model's own (the fake waits {@link #MODEL_DELAY}
 * before it answers): from {@code answer()} to the first partial at the sink, minus the fake's time from receiving
 * the request to writing its first chunk. Retrieval, memory, prompt building, token signing, HTTP and SSE parsing
 * are all in that difference. Reported, not asserted (timing on a shared machine is no test).
 */
class TimeToFirstTokenTest {

    static {
        // log4j-api arrives with the document parsers and has no provider here; JBoss Logging would pick it and drop INFO.
        System.setProperty("org.jboss.logging.provider", "jdk");
    }

    private static final Logger LOG = Logger.getLogger(TimeToFirstTokenTest.class);
    private static final Duration MODEL_DELAY = Duration.ofMillis(200);
    private static final int WARM_RUNS = 10;

    @Test
    void should_report_the_time_to_first_token_the_client_adds(TestReporter report) throws Exception {
        try (FakeZhipuServer fake = FakeZhipuServer.start();
             AnswerService service = TestShop.service(TestShop.settings(fake), FixedKnowledge.shop())) {
            fake.defaultReply(Reply.text("您好，", "满99元包邮。").withDelay(MODEL_DELAY));

            Overhead cold = overhead(fake, service, 0);
            List<Overhead> warm = new ArrayList<>();
            for (int i = 1; i <= WARM_RUNS; i++) {
                warm.add(overhead(fake, service, i));
            }

            List<Long> totals = warm.stream().map(Overhead::total).sorted().toList();
            String figures = String.format("model delay %d ms; client overhead to first token: cold %d ms (%d before the"
                            + " request reached the model, %d after its first chunk); warm median %d ms (min %d, max %d,"
                            + " %d runs; median %d ms before, %d ms after)", MODEL_DELAY.toMillis(), cold.total(),
                    cold.before(), cold.after(), totals.get(totals.size() / 2), totals.get(0),
                    totals.get(totals.size() - 1), totals.size(), median(warm.stream().map(Overhead::before).toList()),
                    median(warm.stream().map(Overhead::after).toList()));
            LOG.info(figures);
            report.publishEntry("ttft", figures);
            assertEquals(WARM_RUNS + 1, fake.requestCount());
        }
    }

    /** Client time before the request reached the fake, and after its first chunk until the sink's first partial. */
    private record Overhead(long before, long after) {
        long total() {
            return before + after;
        }
    }

    private static Overhead overhead(FakeZhipuServer fake, AnswerService service, int run) throws Exception {
        RecordingSink sink = new RecordingSink();
        Answer answer = service.answer(new Question("ttft-" + run, 1, "包邮吗？", null), sink).get(10, TimeUnit.SECONDS);
        assertEquals("您好，满99元包邮。", answer.text());
        FakeZhipuRequest request = fake.request(run);
        assertTrue(request.fakeFirstChunkMillis() >= MODEL_DELAY.toMillis(), "the fake waited");
        assertTrue(sink.firstPartialNanos() >= request.firstChunkNanos(), "no token before the model sent it");
        return new Overhead((request.receivedNanos() - sink.startNanos()) / 1_000_000,
                (sink.firstPartialNanos() - request.firstChunkNanos()) / 1_000_000);
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
