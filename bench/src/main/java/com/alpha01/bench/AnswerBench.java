package com.alpha01.bench;

import com.alpha01.client.ai.Answer;
import com.alpha01.client.ai.AnswerService;
import com.alpha01.client.ai.AnswerSink;
import com.alpha01.client.ai.AssistantSettings;
import com.alpha01.client.ai.FakeZhipuRequest;
import com.alpha01.client.ai.FakeZhipuServer;
import com.alpha01.client.ai.FakeZhipuServer.Reply;
import com.alpha01.client.ai.Question;
import com.alpha01.client.ai.ShopProfile;
import com.alpha01.client.ai.TokenBudget;
import com.alpha01.client.ai.UsageStore;
import com.alpha01.client.kb.KnowledgeSearch;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The assistant as the customer-facing client sees it ({@link AnswerService}, the app's own entry point): the
 * offline answer without a model key, and the time to first token the client adds over the model's own, against
 * merchant-client's fake ZhipuAI v4 server (its test-jar) that waits a fixed time before its first chunk.
 */
final class AnswerBench {

    /** The fake model's own time to first token. */
    static final Duration MODEL_DELAY = Duration.ofMillis(200);
    private static final ShopProfile SHOP = new ShopProfile("阿尔法咖啡", "热情、简短", List.of("地址：杭州市西湖区文三路 88 号"),
            "每天 8:00–22:00");

    private final BenchData data;
    private final KnowledgeSearch knowledge;
    private final BenchReport report;

    AnswerBench(BenchData data, KnowledgeSearch knowledge, BenchReport report) {
        this.data = data;
        this.knowledge = knowledge;
        this.report = report;
    }

    /** From {@code answer()} to the complete Answer, without a key: retrieval, confidence, the quote or fallback. */
    void offline(int rounds) throws IOException {
        Map<Answer.Kind, Integer> kinds = new EnumMap<>(Answer.Kind.class);
        long[] nanos = new long[data.queries().size() * rounds];
        try (AnswerService service = AnswerService.basic(AssistantSettings.defaults(), SHOP, knowledge, budget())) {
            ask(service, "warm-up", "营业时间？");
            for (int r = 0, n = 0; r < rounds; r++) {
                for (String q : data.queries()) {
                    long s = System.nanoTime();
                    Answer answer = ask(service, "offline-" + n, q);
                    nanos[n++] = System.nanoTime() - s;
                    if (r == 0) {
                        kinds.merge(answer.kind(), 1, Integer::sum);
                    }
                }
            }
        }
        Latencies latencies = Latencies.of(nanos);
        report.row("Offline answer", latencies.summary(), String.format("%d questions, no model key: AnswerService.answer "
                + "to the complete Answer (search of the %d-entry FAQ, confidence, quote or hand-off); kinds of one round: %s",
                nanos.length, data.answers().size(), kinds));
    }

    /**
     * The time to first token the client adds: from {@code answer()} to the first partial at the sink, minus the
     * fake's own time from receiving the request to writing its first chunk. Retrieval, memory, prompt, token
     * signing, HTTP and SSE parsing are all in the difference.
     */
    void timeToFirstToken(int runs) throws IOException {
        long[] added = new long[runs];
        long[] before = new long[runs];
        long cold;
        try (FakeZhipuServer fake = FakeZhipuServer.start();
             AnswerService service = AnswerService.basic(AssistantSettings.defaults().withApiKey(FakeZhipuServer.API_KEY)
                     .withEndpoint(fake.baseUrl(), "glm-4-flash"), SHOP, knowledge, budget())) {
            fake.defaultReply(Reply.text("您好，", "我们每天早上八点开门。").withDelay(MODEL_DELAY));
            cold = firstToken(fake, service, 0, "营业时间？")[0];
            for (int i = 0; i < runs; i++) {
                long[] t = firstToken(fake, service, i + 1, data.queries().get(i % data.queries().size()));
                added[i] = t[0];
                before[i] = t[1];
            }
        }
        Latencies latencies = Latencies.of(added);
        report.row("Time to first token added", latencies.summary(), String.format("%d questions against a fake ZhipuAI "
                        + "v4 (SSE) on 127.0.0.1 that waits %d ms before its first chunk: first partial at the client minus "
                        + "that wait; p50 %.1f ms of it before the request reached the model; the first question (cold) "
                        + "%.1f ms; target < 50 ms: %s", runs, MODEL_DELAY.toMillis(), Latencies.of(before).ms(50), cold / 1e6,
                latencies.ms(95) < 50 ? "met at p95" : latencies.ms(50) < 50 ? "met at p50, not at p95" : "missed"));
    }

    /** {client-added nanos, nanos before the request reached the fake} for one question. */
    private static long[] firstToken(FakeZhipuServer fake, AnswerService service, int run, String text) throws IOException {
        long[] firstPartial = {0};
        long start = System.nanoTime();
        Answer answer = await(service.answer(new Question("ttft-" + run, 1, text, null), new AnswerSink() {
            @Override
            public void partial(String soFar) {
                if (firstPartial[0] == 0) {
                    firstPartial[0] = System.nanoTime();
                }
            }

            @Override
            public void complete(Answer a) {
            }
        }));
        FakeZhipuRequest request = fake.request(fake.requestCount() - 1);
        if (answer.kind() != Answer.Kind.AI || firstPartial[0] == 0 || request.firstChunkNanos() == 0) {
            throw new IOException("the fake model's answer did not stream to the client: " + answer.kind());
        }
        long model = request.firstChunkNanos() - request.receivedNanos();
        return new long[] {firstPartial[0] - start - model, request.receivedNanos() - start};
    }

    private static Answer ask(AnswerService service, String conversation, String text) throws IOException {
        return await(service.answer(new Question(conversation, 1, text, null), new AnswerSink() {
            @Override
            public void complete(Answer answer) {
            }
        }));
    }

    private static Answer await(java.util.concurrent.CompletableFuture<Answer> future) throws IOException {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("no answer", e);
        }
    }

    private static TokenBudget budget() {
        return new TokenBudget(TokenBudget.DEFAULT_DAILY_LIMIT, UsageStore.inMemory(), Clock.systemDefaultZone());
    }
}
