package com.alpha01.client.ai;

/**
 * Receives one answer as it is produced. Called from the assistant's threads, never concurrently for one
 * question: any number of {@link #partial} calls, then exactly one {@link #complete}.
 */
public interface AnswerSink {

    /** The text streamed so far (a draft: the text in {@link #complete} is what counts). */
    default void partial(String textSoFar) {
    }

    void complete(Answer answer);
}
