package com.alpha01.client.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.faq.FaqResponder;
import com.alpha01.client.kb.KnowledgeBaseException.Reason;
import com.alpha01.client.kb.KnowledgeSearch.Hit;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, re-importing, editing, deleting and reopening; what is on disk. */
class KnowledgeBaseLifecycleTest {

    @TempDir
    Path dir;
    private final CountingEmbeddingModel model = new CountingEmbeddingModel();

    private Path storeDir() {
        return dir.resolve("store");
    }

    private KnowledgeBase open(boolean seed) throws IOException {
        EncryptedStore store = EncryptedStore.open(storeDir(), StoreKey.passphrase("lifecycle-test".toCharArray()));
        return KnowledgeBase.builder(store).embeddingModel(model).seedWithBuiltInFaq(seed).open();
    }

    @Test
    void a_new_knowledge_base_starts_from_the_built_in_faq_once() throws IOException {
        KnowledgeBase kb = open(true);
        int faqEntries = FaqResponder.builtIn().entries().size();
        assertEquals(faqEntries, kb.size());
        assertEquals(DocumentKind.BUILT_IN_FAQ, kb.documents().get(0).kind());
        Hit top = kb.search("请问几点开门", 1).get(0);
        assertTrue(top.text().contains("9:00–21:00") && kb.confident(top), top.toString());
        assertTrue(top.source().startsWith("常见问题 · 第"), top.source());

        assertTrue(kb.deleteDocument(kb.documents().get(0).id()));
        assertEquals(0, open(true).size(), "not seeded again once the shop has removed it");
    }

    @Test
    void the_shops_first_import_retires_the_demo_faq_and_keeps_the_rows_it_edited() throws IOException {
        KnowledgeBase kb = open(true);
        String demoId = kb.documents().get(0).id();
        List<KnowledgeEntry> demo = kb.entries(demoId, 0, 100);
        KnowledgeEntry edited = kb.editEntry(demo.get(0).id(), "本店营业时间：每天 8:00–22:00。");

        kb.importFile(FaqEvaluation.copyFaqSheet(dir), ImportProgress.NONE);

        assertEquals(List.of(edited), kb.entries(demoId, 0, 100), "only the row the shop edited stays");
        assertEquals(40 + 1, kb.size());
        assertTrue(kb.search("店里有 Wi-Fi 吗", 3).stream().noneMatch(h -> h.entryId().startsWith(demoId + "-")
                && !h.entryId().equals(edited.id())), "the demo shop's Wi-Fi is gone");
        KnowledgeBase again = open(true);
        assertEquals(40 + 1, again.size(), "retired for good, not seeded again");
    }

    @Test
    void without_edits_the_demo_faq_goes_whole_on_the_first_import() throws IOException {
        KnowledgeBase kb = open(true);
        kb.importFile(Files.writeString(dir.resolve("本店须知.txt"), "本店每周一店休。"), ImportProgress.NONE);
        assertEquals(List.of(DocumentKind.TEXT), kb.documents().stream().map(KnowledgeDocument::kind).toList());
        assertEquals(1, open(true).size());
    }

    @Test
    void reopening_reads_the_vectors_from_disk_without_embedding() throws IOException {
        open(false).importFile(FaqEvaluation.copyFaqSheet(dir), ImportProgress.NONE);
        int embedded = model.texts();

        KnowledgeBase again = open(false);
        assertEquals(40, again.size());
        assertEquals(embedded, model.texts());
        assertEquals("商场地下二层有停车场，消费满 50 元可在收银台领取 2 小时免费停车券。", again.search("附近有停车场吗", 1).get(0).text());
    }

    @Test
    void vectors_made_another_way_are_embedded_again_once_on_opening() throws IOException {
        open(false).importFile(FaqEvaluation.copyFaqSheet(dir), ImportProgress.NONE);
        EncryptedStore store = EncryptedStore.open(storeDir(), StoreKey.passphrase("lifecycle-test".toCharArray()));
        RetrievalTuning questionsOnly = RetrievalTuning.DEFAULT.with(RetrievalTuning.FaqVectors.QUESTION);
        int before = model.texts();

        KnowledgeBase kb = KnowledgeBase.builder(store).embeddingModel(model).tuning(questionsOnly).open();
        assertEquals(40, model.texts() - before, "one question vector per row");
        assertEquals(40, kb.size());
        int after = model.texts();
        KnowledgeBase.builder(store).embeddingModel(model).tuning(questionsOnly).open();
        assertEquals(after, model.texts());
    }

    @Test
    void re_importing_an_unchanged_file_does_no_embedding_work() throws IOException {
        KnowledgeBase kb = open(false);
        ImportResult first = kb.importFile(FaqEvaluation.copyFaqSheet(dir), ImportProgress.NONE);
        int embedded = model.texts();

        ImportResult second = kb.importFile(FaqEvaluation.copyFaqSheet(dir), ImportProgress.NONE);
        assertTrue(second.skippedUnchanged());
        assertEquals(first.documentId(), second.documentId());
        assertEquals(40, second.entries());
        assertEquals(embedded, model.texts());
        assertEquals(1, kb.documents().size());
    }

    @Test
    void a_changed_file_replaces_its_entries_and_embeds_only_the_changed_row() throws IOException {
        KnowledgeBase kb = open(false);
        Path sheet = FaqEvaluation.copyFaqSheet(dir);
        String documentId = kb.importFile(sheet, ImportProgress.NONE).documentId();
        int embedded = model.texts();
        Files.writeString(sheet, Files.readString(sheet).replace("美式 18 元，拿铁 22 元", "美式 20 元，拿铁 25 元"));

        ImportResult result = kb.importFile(sheet, ImportProgress.NONE);
        assertFalse(result.skippedUnchanged());
        assertEquals(documentId, result.documentId());
        assertEquals(40, kb.size());
        assertEquals(2, model.texts() - embedded, "only the changed row's question+answer and answer texts");
        assertTrue(kb.search("拿铁多少钱", 1).get(0).text().startsWith("美式 20 元，拿铁 25 元"));
        assertEquals(1, kb.documents().size());
    }

    @Test
    void an_edited_entry_is_embedded_again_and_kept_after_reopening() throws IOException {
        KnowledgeBase kb = open(false);
        kb.importFile(FaqEvaluation.copyFaqSheet(dir), ImportProgress.NONE);
        KnowledgeEntry wifi = kb.search("WiFi 密码", 1).stream().map(h -> kb.entry(h.entryId()).orElseThrow()).findFirst().orElseThrow();
        int embedded = model.texts();

        KnowledgeEntry edited = kb.editEntry(wifi.id(), "店内 Wi-Fi 名称为 Alpha01-Guest，密码是 coffee2024。");
        assertEquals(wifi.question(), edited.question());
        assertEquals(2, model.texts() - embedded, "the edited row's question+answer and answer texts");

        KnowledgeBase again = open(false);
        assertEquals(edited, again.entry(wifi.id()).orElseThrow());
        assertEquals(wifi.id(), again.search("无线网密码是什么", 1).get(0).entryId());
        assertEquals(Reason.NOT_FOUND, assertThrows(KnowledgeBaseException.class, () -> again.editEntry("nope-1", "x")).reason());
    }

    @Test
    void deleted_entries_and_documents_stay_deleted_after_reopening() throws IOException {
        KnowledgeBase kb = open(false);
        String sheetId = kb.importFile(FaqEvaluation.copyFaqSheet(dir), ImportProgress.NONE).documentId();
        String notesId = kb.importFile(Files.writeString(dir.resolve("notes.txt"), "本店周一闭店盘点。"), ImportProgress.NONE).documentId();
        String parking = kb.search("附近有停车场吗", 1).get(0).entryId();

        assertTrue(kb.deleteEntry(parking));
        assertFalse(kb.deleteEntry(parking));
        assertTrue(kb.deleteDocument(notesId));

        KnowledgeBase again = open(false);
        assertEquals(39, again.size());
        assertTrue(again.entry(parking).isEmpty());
        assertEquals(List.of(sheetId), again.documents().stream().map(KnowledgeDocument::id).toList());
        assertEquals(39, again.documents().get(0).entries());
        assertTrue(again.search("附近有停车场吗", 3).stream().noneMatch(h -> h.entryId().equals(parking)));
    }

    @Test
    void entries_added_by_hand_are_searchable_and_paged() throws IOException {
        KnowledgeBase kb = open(false);
        KnowledgeEntry added = kb.addEntry("周一营业吗？", "周一闭店盘点，周二到周日正常营业。");
        kb.addEntry("可以刷卡吗？", "支持银联卡。");

        assertEquals(added.id(), kb.search("星期一开门吗", 1).get(0).entryId());
        assertEquals("手动添加", added.source());
        assertEquals(1, kb.entries(null, 1, 10).size());
        assertEquals(DocumentKind.MANUAL, open(false).documents().get(0).kind());
        assertThrows(IllegalArgumentException.class, () -> kb.addEntry(" ", "x"));
    }

    @Test
    void nothing_readable_is_written_to_the_store_folder() throws IOException {
        KnowledgeBase kb = open(true);
        kb.importFile(FaqEvaluation.copyFaqSheet(dir), ImportProgress.NONE);
        kb.importFile(Files.writeString(dir.resolve("秘密配方.txt"), "招牌拿铁的糖浆配比是三比一。"), ImportProgress.NONE);
        kb.addEntry("员工折扣多少？", "员工内部折扣为七折。");

        List<String> secrets = Stream.concat(kb.entries(null, 0, 1000).stream().map(KnowledgeEntry::text),
                Stream.of("秘密配方", "coffee-faq", "员工内部折扣")).toList();
        try (Stream<Path> files = Files.walk(storeDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    String needle = new String(secret.substring(0, Math.min(6, secret.length())).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                    assertFalse(bytes.contains(needle), file.getFileName() + " holds " + secret);
                    assertFalse(file.getFileName().toString().contains(secret), "file name " + file.getFileName());
                }
            }
        }
    }

    @Test
    void a_damaged_document_record_is_left_out_and_the_rest_still_opens() throws IOException {
        KnowledgeBase kb = open(false);
        String broken = kb.importFile(Files.writeString(dir.resolve("a.txt"), "本店周一闭店盘点。"), ImportProgress.NONE).documentId();
        String kept = kb.importFile(Files.writeString(dir.resolve("b.txt"), "外卖满三十元免配送费。"), ImportProgress.NONE).documentId();
        Path record = storeDir().resolve(KbStore.documentRecord(broken) + ".a01");
        byte[] bytes = Files.readAllBytes(record);
        bytes[bytes.length - 1] ^= 1;
        Files.write(record, bytes);

        KnowledgeBase again = open(false);
        assertEquals(List.of(kept), again.documents().stream().map(KnowledgeDocument::id).toList());
        assertNotEquals(0, again.search("配送费", 1).size());
        assertFalse(again.importFile(dir.resolve("a.txt"), ImportProgress.NONE).skippedUnchanged(), "can be imported again");
    }

    @Test
    void blank_queries_find_nothing_and_an_empty_base_loads_no_model() throws IOException {
        KnowledgeBase kb = open(false);
        assertTrue(kb.search("咖啡", 5).isEmpty());
        assertEquals(0, model.texts());
        kb.addEntry("几点开门？", "九点。");
        assertTrue(kb.search("  ", 5).isEmpty());
        assertTrue(kb.search("几点开门", 0).isEmpty());
        assertTrue(kb.entries(null, 0, 10).get(0).isFaq());
    }

    @Test
    void searches_are_answered_while_an_import_is_embedding() throws Exception {
        KnowledgeBase kb = open(false);
        kb.importFile(FaqEvaluation.copyFaqSheet(dir), ImportProgress.NONE);
        Path notes = Files.writeString(dir.resolve("notes.txt"), "本店周一闭店盘点。\n\n外卖满三十元免配送费。");
        CountDownLatch embedding = new CountDownLatch(1);
        CountDownLatch searched = new CountDownLatch(1);
        ExecutorService importer = Executors.newSingleThreadExecutor();
        try {
            Future<ImportResult> importing = importer.submit(() -> kb.importFile(notes, (stage, done, total) -> {
                if (stage == ImportProgress.Stage.EMBEDDING && done == 0) {
                    embedding.countDown();
                    await(searched);
                }
            }));
            await(embedding);
            List<Hit> during = kb.search("附近有停车场吗", 3);
            int sizeDuring = kb.size();
            searched.countDown();
            importing.get(60, TimeUnit.SECONDS);

            assertFalse(during.isEmpty());
            assertEquals(40, sizeDuring, "the import is not visible before it is complete");
            assertEquals(41, kb.size());
        } finally {
            importer.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(60, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
