package com.alpha01.client.kb;

import com.alpha01.client.kb.ParsedDocument.Block;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * HTML pages (a saved web page, an exported help page): the visible text of the body, scripts,
 * styles and navigation dropped, block elements as line breaks, each heading starting a section.
 */
final class HtmlReader {

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "svg", "nav", "iframe");

    private HtmlReader() {
    }

    static ParsedDocument read(byte[] bytes) throws IOException {
        // jsoup honours a BOM or <meta charset>, else UTF-8.
        Document doc = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
        doc.select(String.join(",", DROPPED)).remove();
        Collector collector = new Collector(doc.title().isBlank() ? "正文" : doc.title().strip());
        doc.body().filter(collector);
        collector.flush();
        return ParsedDocument.ofBlocks(collector.blocks);
    }

    private static final class Collector implements NodeFilter {
        final List<Block> blocks = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private String label;
        private boolean sectionStart;

        Collector(String title) {
            this.label = title;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                text.append(t.text());
            } else if (node instanceof Element e) {
                if (HEADINGS.contains(e.normalName())) {
                    flush();
                    label = e.text().strip();
                    sectionStart = true;
                    text.append(label).append('\n');
                    return FilterResult.SKIP_CHILDREN;
                }
                if (e.normalName().equals("br") || e.isBlock()) {
                    text.append('\n');
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e && e.isBlock()) {
                text.append('\n');
            }
            return FilterResult.CONTINUE;
        }

        void flush() {
            StringBuilder cleaned = new StringBuilder();
            for (String line : text.toString().split("\n")) {
                String l = line.strip();
                if (!l.isEmpty()) {
                    cleaned.append(cleaned.length() == 0 ? "" : "\n").append(l);
                }
            }
            if (cleaned.length() > 0) {
                blocks.add(new Block(label, cleaned.toString(), sectionStart));
                sectionStart = false;
            }
            text.setLength(0);
        }
    }
}
