package com.alpha01.client.kb;

/**
 * One searchable piece: a chunk of a document, or one FAQ row. {@code question} is the FAQ
 * question (null for document chunks); {@code text} is the chunk, or the FAQ answer; {@code source}
 * says where it came from, e.g. {@code 价目表.pdf · 第2页} or {@code 常见问题.xlsx · 第12行}.
 */
public record KnowledgeEntry(String id, String documentId, String question, String text, String source) {

    public boolean isFaq() {
        return question != null;
    }
}
