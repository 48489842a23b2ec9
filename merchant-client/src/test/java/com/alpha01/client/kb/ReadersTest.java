package com.alpha01.client.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.alpha01.client.kb.ParsedDocument.Block;
import com.alpha01.client.kb.ParsedDocument.FaqRow;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readers on their own, without the model: columns, encodings, headings, wrapped lines. */
class ReadersTest {

    @Test
    void sheet_headers_are_found_by_name_or_by_a_name_they_contain() throws IOException {
        List<FaqRow> rows = SheetReader.csv("序号,常见问题,标准答案\n1,能开发票吗？,可以。\n").rows();
        assertEquals(List.of(new FaqRow("第2行", "能开发票吗？", "可以。")), rows);
        assertEquals("Yes.", SheetReader.csv("Answer;Question\nYes.;Open on Sunday?\n").rows().get(0).answer());
    }

    @Test
    void without_a_header_the_first_two_columns_are_question_and_answer() throws IOException {
        assertEquals(List.of(new FaqRow("第1行", "几点开门？", "九点。")), SheetReader.csv("几点开门？\t九点。\n").rows());
    }

    @Test
    void a_one_column_sheet_gives_text_rows_and_empty_rows_are_skipped() throws IOException {
        List<FaqRow> rows = SheetReader.csv("本店不设最低消费。\n\n周一闭店。\n").rows();
        assertEquals(2, rows.size());
        assertNull(rows.get(0).question());
        assertEquals("周一闭店。", rows.get(1).answer());
    }

    @Test
    void text_encodings_are_recognised() {
        String text = "拿铁二十二元";
        assertEquals(text, TextReaders.decode(text.getBytes(Charset.forName("GB18030"))));
        assertEquals(text, TextReaders.decode(concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, text.getBytes(StandardCharsets.UTF_8))));
        assertEquals(text, TextReaders.decode(concat(new byte[] {(byte) 0xff, (byte) 0xfe}, text.getBytes(StandardCharsets.UTF_16LE))));
    }

    @Test
    void plain_text_paragraphs_are_labelled_with_their_first_line() {
        assertEquals(List.of(new Block("第1行", "第一段\n还是第一段", false), new Block("第4行", "第二段", false)),
                TextReaders.plain("第一段\n还是第一段\n\n第二段\n").blocks());
    }

    @Test
    void markdown_headings_label_what_follows_and_markup_is_removed() {
        List<Block> blocks = TextReaders.markdown("前言\n\n## 会员 ##\n\n**九折**，见[说明](http://x)。\n").blocks();
        assertEquals(List.of(new Block("第1行", "前言", false), new Block("会员", "会员", true), new Block("会员", "九折，见说明。", false)), blocks);
    }

    @Test
    void pdf_lines_wrapped_by_the_layout_are_joined_but_sentences_and_list_items_are_not() {
        assertEquals("Open every day.\n美式十八元，拿铁二十二元。\n1. 会员九折\n2. 生日赠饮",
                OfficeReaders.joinWrappedLines("Open every\nday.\n美式十八元，拿铁\n二十二元。\n1. 会员九折\n2. 生日赠饮\n"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
