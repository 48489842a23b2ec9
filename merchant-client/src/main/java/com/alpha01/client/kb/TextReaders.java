package com.alpha01.client.kb;

import com.alpha01.client.kb.ParsedDocument.Block;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain text and Markdown: paragraphs (blank-line separated) as blocks, Markdown headings as sections. */
final class TextReaders {

    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|`+|~~)");

    private TextReaders() {
    }

    /**
     * Text from bytes: a BOM decides; else strict UTF-8, else GB18030 (what Chinese Windows
     * editors save as "ANSI").
     */
    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    /** Paragraphs separated by blank lines, each labelled with the line it starts on. */
    static ParsedDocument plain(String text) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        StringBuilder paragraph = new StringBuilder();
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i].strip() : "";
            if (line.isEmpty()) {
                if (paragraph.length() > 0) {
                    blocks.add(new Block("第" + (start + 1) + "行", paragraph.toString(), false));
                    paragraph.setLength(0);
                }
            } else {
                if (paragraph.length() == 0) {
                    start = i;
                } else {
                    paragraph.append('\n');
                }
                paragraph.append(line);
            }
        }
        return ParsedDocument.ofBlocks(blocks);
    }

    /**
     * Markdown: each heading starts a section labelled with the heading (the heading line stays
     * in the text, it often names the topic); links and emphasis are reduced to their text.
     */
    static ParsedDocument markdown(String text) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        StringBuilder paragraph = new StringBuilder();
        String label = null;
        boolean sectionStart = false;
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            String raw = i < lines.length ? lines[i] : "";
            Matcher heading = HEADING.matcher(raw);
            boolean isHeading = heading.matches() && !heading.group(2).isBlank();
            if (raw.isBlank() || isHeading) {
                if (paragraph.length() > 0) {
                    blocks.add(new Block(label != null ? label : "第" + (start + 1) + "行", paragraph.toString(), sectionStart));
                    paragraph.setLength(0);
                    sectionStart = false;
                }
                if (isHeading) {
                    label = inline(heading.group(2));
                    sectionStart = true;
                    paragraph.append(label);
                    start = i;
                }
                continue;
            }
            if (paragraph.length() == 0) {
                start = i;
            } else {
                paragraph.append('\n');
            }
            paragraph.append(inline(raw.strip()));
        }
        return ParsedDocument.ofBlocks(blocks);
    }

    private static String inline(String line) {
        String s = IMAGE.matcher(line).replaceAll("$1");
        s = LINK.matcher(s).replaceAll("$1");
        return EMPHASIS.matcher(s).replaceAll("").strip();
    }
}
