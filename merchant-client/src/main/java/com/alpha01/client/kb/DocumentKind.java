package com.alpha01.client.kb;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a document was imported from; the file types come from the file name's extension. */
public enum DocumentKind {
    TEXT("txt"),
    MARKDOWN("md", "markdown"),
    HTML("html", "htm"),
    PDF("pdf"),
    DOCX("docx"),
    XLSX("xlsx"),
    CSV("csv"),
    /** The FAQ shipped with the client, imported when the knowledge base is first opened. */
    BUILT_IN_FAQ,
    /** Questions and answers typed in the knowledge-base screen. */
    MANUAL;

    private final String[] extensions;

    DocumentKind(String... extensions) {
        this.extensions = extensions;
    }

    /** Every file extension the knowledge base imports (lower case, no dot). */
    public static String[] importableExtensions() {
        return Arrays.stream(values()).flatMap(k -> Arrays.stream(k.extensions))
                .toArray(String[]::new);
    }

    /** The kind for a file name, or empty when the type is not supported. */
    public static Optional<DocumentKind> ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (DocumentKind kind : values()) {
            for (String e : kind.extensions) {
                if (e.equals(ext)) {
                    return Optional.of(kind);
                }
            }
        }
        return Optional.empty();
    }
}
