package com.alpha01.client.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.kb.ImportProgress.Stage;
import com.alpha01.client.kb.KnowledgeBaseException.Reason;
import com.alpha01.client.kb.KnowledgeSearch.Hit;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreKey;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every supported format imported from a real file, and the files the knowledge base must refuse. */
class DocumentImportTest {

    private static final String INTRO = """
            阿尔法咖啡演示店开业于二〇二一年，是一家社区精品咖啡馆。我们每周从云南和埃塞俄比亚的庄园采购生豆，在店内小批量烘焙。

            店里一共有三十个座位，靠窗一侧是适合办公的长桌。周末上午人比较多，建议错峰前来。我们也提供外带和外卖服务。

            停车：商场地下二层有停车场，消费满五十元可以在收银台领取两小时免费停车券。骑自行车的顾客可以把车停在店门口的非机动车位。
            """;

    @TempDir
    Path dir;
    private KnowledgeBase kb;

    @BeforeEach
    void open() throws IOException {
        EncryptedStore store = EncryptedStore.open(dir.resolve("store"), StoreKey.passphrase("import-test".toCharArray()));
        kb = KnowledgeBase.builder(store).embeddingModel(CountingEmbeddingModel.bge()).seedWithBuiltInFaq(false).open();
    }

    @Test
    void plain_text_is_split_at_sentences_with_the_line_as_source() throws IOException {
        Path file = Files.writeString(dir.resolve("店铺介绍.txt"), INTRO.repeat(3), StandardCharsets.UTF_8);
        ImportResult result = kb.importFile(file, ImportProgress.NONE);

        assertTrue(result.entries() >= 2, "entries: " + result.entries());
        List<KnowledgeEntry> entries = kb.entries(result.documentId(), 0, 100);
        assertTrue(entries.stream().allMatch(e -> e.text().length() <= ChineseSplitter.MAX && e.source().matches("店铺介绍\\.txt · 第\\d+(–\\d+)?行")), entries.toString());
        Hit top = kb.search("开车来停哪里", 1).get(0);
        assertTrue(top.text().contains("停车券"), top.text());
    }

    @Test
    void text_saved_as_gb18030_by_a_chinese_windows_editor_is_read() throws IOException {
        Path file = dir.resolve("旧版说明.txt");
        Files.write(file, "本店支持微信支付和支付宝，暂不支持信用卡。".getBytes(Charset.forName("GB18030")));
        kb.importFile(file, ImportProgress.NONE);
        assertEquals("本店支持微信支付和支付宝，暂不支持信用卡。", kb.entries(null, 0, 10).get(0).text());
    }

    @Test
    void markdown_headings_become_sections_and_sources() throws IOException {
        Path file = Files.writeString(dir.resolve("门店手册.md"), """
                # 门店手册
                ## 退款政策
                未饮用的饮品可在购买后 **30 分钟内** 凭小票退款。
                ## 会员
                关注[公众号](https://example.com)注册会员，消费享 9 折。
                """, StandardCharsets.UTF_8);
        kb.importFile(file, ImportProgress.NONE);

        Hit top = kb.search("怎么退款", 1).get(0);
        assertEquals("门店手册.md · 退款政策", top.source());
        assertTrue(top.text().contains("30 分钟内") && !top.text().contains("**"), top.text());
        assertTrue(kb.entries(null, 0, 10).stream().anyMatch(e -> e.text().contains("关注公众号注册会员")));
    }

    @Test
    void html_gives_its_visible_text_without_scripts() throws IOException {
        Path file = Files.writeString(dir.resolve("帮助.html"), """
                <html><head><meta charset="utf-8"><title>帮助中心</title><script>var secret = "不应出现的脚本";</script></head>
                <body><nav>首页 | 菜单</nav><h2>配送说明</h2><p>外卖满 30 元免配送费，</p><p>不满 30 元收取 4 元配送费。</p></body></html>
                """, StandardCharsets.UTF_8);
        kb.importFile(file, ImportProgress.NONE);

        List<KnowledgeEntry> entries = kb.entries(null, 0, 10);
        assertEquals(1, entries.size());
        assertEquals("帮助.html · 配送说明", entries.get(0).source());
        assertTrue(entries.get(0).text().contains("不满 30 元收取 4 元配送费"));
        assertTrue(entries.stream().noneMatch(e -> e.text().contains("脚本") || e.text().contains("首页")));
    }

    @Test
    void pdf_pages_are_the_sources() throws IOException {
        Path file = TestFiles.pdf(dir.resolve("价目表.pdf"), List.of(
                "阿尔法咖啡价目表\n美式咖啡十八元，拿铁二十二元，\n手冲咖啡二十八元起。",
                "会员说明\n会员消费享九折优惠，生日当月赠送一杯中杯饮品。"));
        ImportResult result = kb.importFile(file, ImportProgress.NONE);

        assertTrue(result.entries() >= 1);
        Hit top = kb.search("会员生日有什么礼物", 1).get(0);
        assertEquals("价目表.pdf · 第1–2页", top.source(), "two short pages packed into one chunk");
        assertTrue(kb.entries(null, 0, 10).stream().anyMatch(e -> e.text().contains("拿铁二十二元，手冲咖啡二十八元起")),
                "lines wrapped by the layout are joined again");
    }

    @Test
    void docx_paragraphs_headings_and_tables_are_read() throws IOException {
        Path file = TestFiles.docx(dir.resolve("员工须知.docx"), "过敏原说明",
                List.of("布朗尼和曲奇含有坚果。", "所有糕点都可能接触麸质、乳制品和鸡蛋。"),
                List.of(List.of("产品", "过敏原"), List.of("布朗尼", "坚果、鸡蛋")));
        kb.importFile(file, ImportProgress.NONE);

        List<KnowledgeEntry> entries = kb.entries(null, 0, 10);
        assertEquals("员工须知.docx · 过敏原说明", entries.get(0).source());
        String all = String.join("\n", entries.stream().map(KnowledgeEntry::text).toList());
        assertTrue(all.contains("布朗尼和曲奇含有坚果") && all.contains("布朗尼 | 坚果、鸡蛋"), all);
    }

    @Test
    void xlsx_faq_rows_use_the_question_and_answer_columns_its_header_names() throws IOException {
        Path file = TestFiles.xlsx(dir.resolve("常见问题.xlsx"), List.of("门店", "外卖"), List.of(
                List.of(List.of("编号", "问题", "答案"), List.of("1", "可以带宠物吗？", "小型犬可以在户外座位区陪同。"),
                        List.of("2", "有儿童座椅吗？", "店内备有 2 把儿童座椅。")),
                List.of(List.of("Question", "Answer"), List.of("外卖送多远？", "配送范围 3 公里。"))));
        ImportResult result = kb.importFile(file, ImportProgress.NONE);

        assertEquals(3, result.entries());
        KnowledgeEntry pets = kb.entries(null, 0, 10).get(0);
        assertEquals("可以带宠物吗？", pets.question());
        assertEquals("小型犬可以在户外座位区陪同。", pets.text());
        assertEquals("常见问题.xlsx · 门店 · 第2行", pets.source());
        assertEquals("常见问题.xlsx · 外卖 · 第2行", kb.search("外卖能送到多远的地方", 1).get(0).source());
    }

    @Test
    void csv_without_a_header_takes_the_first_two_columns() throws IOException {
        Path file = Files.writeString(dir.resolve("faq.csv"), "能开发票吗？,可以开具电子普通发票。\n\"几点开门？\",\"每天 9:00 开门，21:00 打烊。\"\n");
        kb.importFile(file, ImportProgress.NONE);
        List<KnowledgeEntry> entries = kb.entries(null, 0, 10);
        assertEquals(2, entries.size());
        assertEquals("faq.csv · 第1行", entries.get(0).source());
        assertEquals("每天 9:00 开门，21:00 打烊。", entries.get(1).text());
    }

    @Test
    void a_corrupt_pdf_is_refused_with_a_clear_reason_and_changes_nothing() throws IOException {
        kb.importFile(Files.writeString(dir.resolve("a.txt"), "本店每天九点开门。"), ImportProgress.NONE);
        Path file = Files.write(dir.resolve("坏的.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes(StandardCharsets.US_ASCII));

        KnowledgeBaseException e = assertThrows(KnowledgeBaseException.class, () -> kb.importFile(file, ImportProgress.NONE));
        assertEquals(Reason.UNREADABLE, e.reason());
        assertTrue(e.getMessage().contains("坏的.pdf"), e.getMessage());
        assertEquals(1, kb.documents().size());
        assertEquals(1, kb.search("几点开门", 1).size());
    }

    @Test
    void a_pdf_without_a_text_layer_says_so() throws IOException {
        Path file = TestFiles.pdf(dir.resolve("扫描件.pdf"), List.of(""));
        assertEquals(Reason.NO_TEXT, assertThrows(KnowledgeBaseException.class, () -> kb.importFile(file, ImportProgress.NONE)).reason());
    }

    @Test
    void files_over_twenty_megabytes_are_refused_before_reading() throws IOException {
        Path file = dir.resolve("大文件.txt");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(DocumentParser.MAX_FILE_BYTES + 1);
        }
        KnowledgeBaseException e = assertThrows(KnowledgeBaseException.class, () -> kb.importFile(file, ImportProgress.NONE));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("20 MB"), e.getMessage());
    }

    @Test
    void unknown_and_old_office_types_are_refused() throws IOException {
        Path exe = Files.write(dir.resolve("setup.exe"), new byte[] {1, 2, 3});
        Path doc = Files.write(dir.resolve("旧文档.doc"), new byte[] {1, 2, 3});
        assertEquals(Reason.UNSUPPORTED_TYPE, assertThrows(KnowledgeBaseException.class, () -> kb.importFile(exe, ImportProgress.NONE)).reason());
        assertTrue(assertThrows(KnowledgeBaseException.class, () -> kb.importFile(doc, ImportProgress.NONE)).getMessage().contains(".docx"));
    }

    @Test
    void progress_goes_through_the_stages_and_counts_the_embedding() throws IOException {
        List<String> updates = new ArrayList<>();
        kb.importFile(FaqEvaluation.copyFaqSheet(dir), (stage, done, total) -> updates.add(stage + " " + done + "/" + total));

        assertEquals("READING 0/1", updates.get(0));
        assertTrue(updates.contains("EMBEDDING 0/80") && updates.contains("EMBEDDING 80/80"), updates.toString());
        assertEquals(List.of("SAVING 0/1", "SAVING 1/1", "DONE 1/1"), updates.subList(updates.size() - 3, updates.size()));
        List<Stage> order = updates.stream().map(u -> Stage.valueOf(u.split(" ")[0])).distinct().toList();
        assertEquals(List.of(Stage.READING, Stage.EMBEDDING, Stage.SAVING, Stage.DONE), order);
    }

    @Test
    void a_cancelled_import_leaves_the_knowledge_base_as_it_was() throws IOException {
        ImportProgress cancelMidway = (stage, done, total) -> {
            if (stage == Stage.EMBEDDING && done > 0) {
                throw new CancellationException("user cancelled");
            }
        };
        assertThrows(CancellationException.class, () -> kb.importFile(FaqEvaluation.copyFaqSheet(dir), cancelMidway));
        assertEquals(0, kb.size());
        assertTrue(kb.documents().isEmpty());
        assertEquals(40, kb.importFile(FaqEvaluation.copyFaqSheet(dir), ImportProgress.NONE).entries(), "not taken for unchanged");
    }
}
