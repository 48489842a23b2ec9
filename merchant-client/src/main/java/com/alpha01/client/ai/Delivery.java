package com.alpha01.client.ai;

import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * One answer on its way to the sink: partials until it completes, then nothing more; completes once, whoever
 * comes first (the model, an error, the answer timeout). A failing sink does not stop the answer.
 */
final class Delivery {

    private static final Logger LOG = Logger.getLogger(Delivery.class);

    private final AnswerSink sink;
    private final CompletableFuture<Answer> future = new CompletableFuture<>();
    private boolean done;

    Delivery(AnswerSink sink) {
        this.sink = sink;
    }

    synchronized void partial(String textSoFar) {
        if (done) {
            return;
        }
        try {
            sink.partial(textSoFar);
        } catch (RuntimeException e) {
            LOG.warnf("Answer sink failed on a partial: %s", e.getClass().getSimpleName());
        }
    }

    /** False if the answer was already complete. */
    boolean complete(Answer answer) {
        synchronized (this) {
            if (done) {
                return false;
            }
            done = true;
            try {
                sink.complete(answer);
            } catch (RuntimeException e) {
                LOG.warnf("Answer sink failed on completion: %s", e.getClass().getSimpleName());
            }
        }
        future.complete(answer);
        return true;
    }

    synchronized boolean isDone() {
        return done;
    }

    CompletableFuture<Answer> future() {
        return future;
    }
}
