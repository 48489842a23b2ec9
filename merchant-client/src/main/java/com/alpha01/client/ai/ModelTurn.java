package com.alpha01.client.ai;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.rag.content.Content;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One question answered by the model: streams partials to the delivery, then decides what the finished answer is
 * (the model's, a hand-off it asked for, or a hand-off because it does not know and had nothing to go on). After an
 * error, or without an answer within the answer timeout, a hand-off the model asked for stands; otherwise it is
 * {@code degrade}'s turn.
 */
final class ModelTurn {

    private static final Logger LOG = Logger.getLogger(ModelTurn.class);

    private final Question question;
    private final Delivery delivery;
    private final AnswerService.Parts parts;
    private final Consumer<String> degrade;
    private final Runnable failed;
    private final java.util.concurrent.atomic.AtomicBoolean gaveUp = new java.util.concurrent.atomic.AtomicBoolean();
    private final StringBuilder streamed = new StringBuilder();
    private final long startNanos = System.nanoTime();
    private volatile List<String> sources = List.of();
    private volatile boolean toolsUsed;
    private volatile long firstTokenNanos;
    private ScheduledFuture<?> timeout;

    /** {@code failed}: told each time the model gives no usable answer (error, timeout, empty answer). */
    ModelTurn(Question question, Delivery delivery, AnswerService.Parts parts, Consumer<String> degrade, Runnable failed) {
        this.failed = failed;
        this.question = question;
        this.delivery = delivery;
        this.parts = parts;
        this.degrade = degrade;
    }

    void start(ScheduledExecutorService scheduler, Duration answerTimeout) {
        parts.handOffs().clear(question.conversationId());
        timeout = scheduler.schedule(() -> giveUp("no answer within " + answerTimeout.toMillis() + " ms"),
                answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        ShopProfile shop = parts.profile();
        parts.assistant().answer(question.conversationId(), question.text(), shop.name(), shop.tone(),
                        shop.factsForPrompt())
                .onRetrieved(this::retrieved)
                .onToolExecuted(execution -> toolsUsed = true)
                .onPartialResponse(this::partial)
                .onCompleteResponse(this::complete)
                .onError(this::failed)
                .start();
    }

    private void retrieved(List<Content> contents) {
        sources = contents.stream()
                .map(c -> c.textSegment().metadata().getString(KnowledgeRetriever.SOURCE))
                .filter(s -> s != null && !s.isBlank())
                .distinct()
                .toList();
    }

    private void partial(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String soFar;
        synchronized (streamed) {
            if (streamed.isEmpty()) {
                firstTokenNanos = System.nanoTime();
            }
            soFar = streamed.append(text).toString();
        }
        delivery.partial(soFar);
    }

    private void complete(ChatResponse response) {
        cancelTimeout();
        String text = response.aiMessage() == null || response.aiMessage().text() == null
                ? streamedText() : response.aiMessage().text().strip();
        Optional<String> handOff = parts.handOffs().take(question.conversationId());
        Answer answer;
        if (handOff.isPresent()) {
            answer = handOff(text.isBlank() ? AnswerService.HANDOFF_TEXT : text, handOff.get());
        } else if (text.isBlank()) {
            giveUp("empty answer from the model");
            return;
        } else if (sources.isEmpty() && !toolsUsed && CustomerIntent.soundsUnsure(text)) {
            answer = new Answer(AnswerService.UNSURE_TEXT, Answer.Kind.HANDOFF, null,
                    parts.log().staffNote(question, StaffNote.Reason.UNSURE));
        } else {
            answer = new Answer(text, Answer.Kind.AI, sources.isEmpty() ? null : sources.get(0), null);
        }
        if (delivery.complete(answer)) {
            long total = (System.nanoTime() - startNanos) / 1_000_000;
            long first = firstTokenNanos == 0 ? -1 : (firstTokenNanos - startNanos) / 1_000_000;
            LOG.infof("Conversation %s #%d: %s answer in %d ms (first token after %d ms)",
                    question.conversationId(), question.seq(), answer.kind(), total, first);
        }
    }

    /** The hand-off the model asked for, in its words. */
    private Answer handOff(String text, String reason) {
        return new Answer(text, Answer.Kind.HANDOFF, null,
                parts.log().staffNote(question, StaffNote.Reason.MODEL, reason));
    }

    private void failed(Throwable error) {
        cancelTimeout();
        giveUp("model error: " + ModelErrors.describe(error));
    }

    /** No usable answer: a hand-off the model already asked for still stands, else the degraded answer. */
    private void giveUp(String why) {
        if (gaveUp.compareAndSet(false, true)) {
            failed.run(); // once per turn: a timeout and the late error after it are one failure
        }
        Optional<String> handOff = parts.handOffs().take(question.conversationId());
        if (handOff.isPresent()) {
            delivery.complete(handOff(AnswerService.HANDOFF_TEXT, handOff.get()));
        } else {
            degrade.accept(why);
        }
    }

    private String streamedText() {
        synchronized (streamed) {
            return streamed.toString().strip();
        }
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }
}
