package com.alpha01.client.kb;

import java.util.List;

/**
 * What a reader found in a file: prose blocks to be split into chunks, or FAQ rows that become
 * one entry each. Labels are the position a person would look for ({@code 第2页}, {@code 第12行},
 * a heading), without the file name.
 */
record ParsedDocument(List<Block> blocks, List<FaqRow> rows) {

    /** A run of prose; {@code startsSection} (a heading) means no chunk spans into it from before. */
    record Block(String label, String text, boolean startsSection) {
    }

    /** One question/answer row; the question may be null when the row holds only text. */
    record FaqRow(String label, String question, String answer) {
    }

    static ParsedDocument ofBlocks(List<Block> blocks) {
        return new ParsedDocument(List.copyOf(blocks), List.of());
    }

    static ParsedDocument ofRows(List<FaqRow> rows) {
        return new ParsedDocument(List.of(), List.copyOf(rows));
    }

    long characters() {
        long n = 0;
        for (Block b : blocks) {
            n += b.text().length();
        }
        for (FaqRow r : rows) {
            n += r.answer().length() + (r.question() == null ? 0 : r.question().length());
        }
        return n;
    }
}
