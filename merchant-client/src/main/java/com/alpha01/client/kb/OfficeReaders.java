package com.alpha01.client.kb;

import com.alpha01.client.kb.ParsedDocument.Block;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * PDF (text layer, page by page) and Word DOCX (paragraphs, headings, tables). PDFBox and POI are
 * used directly rather than through LangChain4j's parsers, which flatten a file to one string and
 * lose the page and heading that make a useful source.
 */
final class OfficeReaders {

    private static final String SENTENCE_END = "。！？；：.!?;:…」』）)";

    private OfficeReaders() {
    }

    /** One block per page, labelled {@code 第N页}; lines wrapped by the layout are joined again. */
    static ParsedDocument pdf(byte[] bytes) throws IOException {
        try (PDDocument pdf = PDDocument.load(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<Block> blocks = new ArrayList<>();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = joinWrappedLines(stripper.getText(pdf));
                if (!text.isBlank()) {
                    blocks.add(new Block("第" + page + "页", text, false));
                }
            }
            return ParsedDocument.ofBlocks(blocks);
        }
    }

    /** Paragraphs as blocks (label: the current heading, else 第N段); headings start sections; tables row by row. */
    static ParsedDocument docx(byte[] bytes) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<Block> blocks = new ArrayList<>();
            String heading = null;
            int paragraphNo = 0;
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    String text = p.getText().strip();
                    if (text.isEmpty()) {
                        continue;
                    }
                    paragraphNo++;
                    if (isHeading(doc, p)) {
                        heading = text;
                        blocks.add(new Block(heading, text, true));
                    } else {
                        blocks.add(new Block(heading != null ? heading : "第" + paragraphNo + "段", text, false));
                    }
                } else if (element instanceof XWPFTable table) {
                    String text = tableText(table);
                    if (!text.isEmpty()) {
                        paragraphNo++;
                        blocks.add(new Block(heading != null ? heading : "第" + paragraphNo + "段", text, false));
                    }
                }
            }
            return ParsedDocument.ofBlocks(blocks);
        }
    }

    private static boolean isHeading(XWPFDocument doc, XWPFParagraph p) {
        String styleId = p.getStyle();
        if (styleId == null) {
            return false;
        }
        XWPFStyle style = doc.getStyles() == null ? null : doc.getStyles().getStyle(styleId);
        String name = (style != null && style.getName() != null ? style.getName() : styleId).toLowerCase(Locale.ROOT);
        return name.startsWith("heading") || name.startsWith("title") || name.startsWith("标题");
    }

    private static String tableText(XWPFTable table) {
        StringBuilder out = new StringBuilder();
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                String c = cell.getText().strip().replaceAll("\\s+", " ");
                if (!c.isEmpty()) {
                    cells.add(c);
                }
            }
            if (!cells.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n").append(String.join(" | ", cells));
            }
        }
        return out.toString();
    }

    /**
     * PDF text has a line break wherever the layout wrapped. A break after a line that does not
     * end a sentence is joined: without a space between Chinese characters, with one between words.
     */
    static String joinWrappedLines(String text) {
        StringBuilder out = new StringBuilder();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                char last = out.charAt(out.length() - 1);
                if (SENTENCE_END.indexOf(last) >= 0 || startsListItem(line)) {
                    out.append('\n');
                } else if (isWordChar(last) && isWordChar(line.charAt(0))) {
                    out.append(' ');
                }
            }
            out.append(line);
        }
        return out.toString().strip();
    }

    private static boolean startsListItem(String line) {
        return line.matches("^([-•·*]|\\d{1,3}[.、)]|[（(]?[一二三四五六七八九十]+[、.)）]).*");
    }

    private static boolean isWordChar(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c);
    }
}
