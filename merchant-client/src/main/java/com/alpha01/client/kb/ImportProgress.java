package com.alpha01.client.kb;

/**
 * Progress of one import, for a progress bar: called on the importing thread, in stage order.
 * An exception thrown from it (for example a {@link java.util.concurrent.CancellationException}
 * when the user presses "cancel") aborts the import and leaves the knowledge base unchanged.
 */
@FunctionalInterface
public interface ImportProgress {

    /** The steps of an import; {@code EMBEDDING} is the long one and reports entry counts. */
    enum Stage { READING, EMBEDDING, SAVING, DONE }

    /** {@code done} of {@code total} units of the stage (1 of 1 for the short stages). */
    void update(Stage stage, int done, int total);

    /** A listener that ignores the updates. */
    ImportProgress NONE = (stage, done, total) -> { };
}
