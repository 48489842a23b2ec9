package com.alpha01.client.ai;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Records what the customer would see: the partials, the one completed answer, and when each came. */
final class RecordingSink implements AnswerSink {

    private final long startNanos = System.nanoTime();
    private final List<String> partials = new CopyOnWriteArrayList<>();
    private final List<Answer> completions = new CopyOnWriteArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile long firstPartialNanos;

    @Override
    public void partial(String textSoFar) {
        if (partials.isEmpty()) {
            firstPartialNanos = System.nanoTime();
        }
        partials.add(textSoFar);
    }

    @Override
    public void complete(Answer answer) {
        completions.add(answer);
        done.countDown();
    }

    /** The answer, waiting at most {@code timeout} for it. */
    Answer await(Duration timeout) throws InterruptedException {
        assertTrue(done.await(timeout.toMillis(), TimeUnit.MILLISECONDS), "no answer within " + timeout);
        return completions.get(0);
    }

    Answer await() throws InterruptedException {
        return await(Duration.ofSeconds(10));
    }

    List<String> partials() {
        return List.copyOf(partials);
    }

    int completions() {
        return completions.size();
    }

    long startNanos() {
        return startNanos;
    }

    long firstPartialNanos() {
        return firstPartialNanos;
    }

    /** From the sink's creation (just before the question was asked) to the first partial, or -1. */
    long firstPartialMillis() {
        return firstPartialNanos == 0 ? -1 : (firstPartialNanos - startNanos) / 1_000_000;
    }
}
