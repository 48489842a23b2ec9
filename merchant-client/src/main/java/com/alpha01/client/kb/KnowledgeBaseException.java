package com.alpha01.client.kb;

import java.io.IOException;

/**
 * A request the knowledge base refuses, with a reason the UI can turn into words and a message
 * (Chinese first) that can be shown as it is. Never carries the content of the file.
 */
public final class KnowledgeBaseException extends IOException {

    public enum Reason {
        /** The file is bigger than the import limit, or holds too much text. */
        TOO_LARGE,
        /** The file type is not one the knowledge base reads. */
        UNSUPPORTED_TYPE,
        /** The file is damaged, encrypted or not what its name says (e.g. a corrupt PDF). */
        UNREADABLE,
        /** The file holds no text to search (e.g. a scanned PDF without a text layer). */
        NO_TEXT,
        /** No entry or document with that id. */
        NOT_FOUND
    }

    private final Reason reason;

    KnowledgeBaseException(Reason reason, String message) {
        this(reason, message, null);
    }

    KnowledgeBaseException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
