package com.alpha01.client.kb;

import java.time.Instant;

/**
 * One imported source: a file (or the built-in FAQ, or the entries added by hand), with the
 * SHA-256 of its content (hex) that tells whether a re-import changed anything.
 */
public record KnowledgeDocument(String id, String name, DocumentKind kind, String contentHash,
                                Instant importedAt, int entries) {
}
