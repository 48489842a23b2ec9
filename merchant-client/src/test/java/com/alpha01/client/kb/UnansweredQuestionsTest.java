package com.alpha01.client.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The questions the assistant handed over: kept encrypted, bounded, listed by week, resolved and dismissed. */
class UnansweredQuestionsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final String C1 = "0c1a1e2b-0000-4000-8000-000000000001";
    private static final String C2 = "0c1a1e2b-0000-4000-8000-000000000002";

    @TempDir
    Path dir;

    /** Opens the store afresh, as a restarted app would, with the clock at {@code now}. */
    private UnansweredQuestions openAt(Instant now) throws IOException {
        EncryptedStore store = EncryptedStore.open(dir, StoreKey.passphrase("unanswered-test".toCharArray()));
        return UnansweredQuestions.open(store, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void a_question_is_kept_with_time_and_conversation_and_survives_a_restart_encrypted() throws IOException {
        UnansweredQuestions q = openAt(NOW);
        q.record(C1, 3, "  你们招聘店员吗？ ");
        q.record(C1, 5, " ");

        UnansweredQuestions again = openAt(NOW.plusSeconds(60));
        assertEquals(1, again.all().size(), "blank text is not a question");
        UnansweredQuestions.Question kept = again.all().get(0);
        assertEquals("你们招聘店员吗？", kept.text());
        assertEquals(C1, kept.conversationId());
        assertEquals(3, kept.seq());
        assertEquals(NOW, kept.at());
        assertEquals(List.of(kept), again.openIn(C1));
        assertEquals(List.of(), again.openIn(C2));
        try (Stream<Path> files = Files.list(dir)) {
            byte[] question = "招聘店员".getBytes(StandardCharsets.UTF_8);
            for (Path f : files.toList()) {
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
                        .contains(new String(question, StandardCharsets.ISO_8859_1)), f + " holds the question in plain text");
            }
        }
    }

    @Test
    void only_the_last_500_of_the_last_30_days_are_kept() throws IOException {
        UnansweredQuestions q = openAt(NOW.minus(Duration.ofDays(31)));
        q.record(C1, 1, "很久以前的问题");
        UnansweredQuestions now = openAt(NOW);
        assertTrue(now.all().isEmpty(), "older than 30 days: gone after a restart");
        for (int i = 1; i <= UnansweredQuestions.KEEP + 10; i++) {
            now.record(C2, i, "问题 " + i);
        }
        List<UnansweredQuestions.Question> kept = openAt(NOW).all();
        assertEquals(UnansweredQuestions.KEEP, kept.size());
        assertEquals("问题 11", kept.get(0).text(), "the oldest go first");
        assertEquals("问题 510", kept.get(kept.size() - 1).text());
    }

    @Test
    void the_week_lists_each_open_question_once_newest_first_with_how_often_it_was_asked() throws IOException {
        openAt(NOW.minus(Duration.ofDays(8))).record(C1, 1, "能开发票吗");
        openAt(NOW.minus(Duration.ofHours(5))).record(C1, 2, "你们招聘店员吗？");
        openAt(NOW.minus(Duration.ofHours(3))).record(C2, 4, "可以带狗狗进店吗");
        UnansweredQuestions q = openAt(NOW.minus(Duration.ofHours(1)));
        q.record(C2, 7, "你们招聘店员吗");

        List<UnansweredQuestions.Repeated> week = openAt(NOW).thisWeek();
        assertEquals(2, week.size(), week.toString());
        assertEquals("你们招聘店员吗", week.get(0).newest().text(), "newest first");
        assertEquals(2, week.get(0).count(), "asked twice, punctuation aside");
        assertEquals(NOW.minus(Duration.ofHours(1)), week.get(0).newest().at());
        assertEquals("可以带狗狗进店吗", week.get(1).newest().text());
        assertEquals(1, week.get(1).count());
    }

    @Test
    void staffs_reply_goes_with_the_open_questions_of_that_conversation() throws IOException {
        UnansweredQuestions q = openAt(NOW);
        q.record(C1, 2, "可以带狗狗进店吗");
        q.record(C2, 4, "你们招聘店员吗");
        q.answered(C1, "可以的，小型犬请抱在怀里。");
        q.answered(C1, "还有别的问题吗？");

        UnansweredQuestions again = openAt(NOW);
        assertEquals("可以的，小型犬请抱在怀里。", again.openIn(C1).get(0).staffAnswer(), "the first reply answers it");
        assertEquals("", again.openIn(C2).get(0).staffAnswer());
    }

    @Test
    void a_question_added_to_the_knowledge_base_is_resolved_and_a_dismissed_one_leaves_the_list() throws IOException {
        UnansweredQuestions q = openAt(NOW);
        q.record(C1, 2, "你们招聘店员吗？");
        q.record(C2, 3, "你们招聘店员吗");
        UnansweredQuestions.Question dog = q.record(C2, 5, "可以带狗狗进店吗");
        UnansweredQuestions.Question invoice = q.record(C1, 6, "能开发票吗");

        assertEquals(2, q.resolve(null, "你们招聘 店员吗"), "resolved by its text, every time it was asked");
        assertEquals(1, q.resolve(dog.id(), "可以带小狗吗"), "resolved by id when staff reworded it");
        assertTrue(q.dismiss(invoice.id()));
        assertFalse(q.dismiss(invoice.id()), "dismissed once");

        UnansweredQuestions again = openAt(NOW);
        assertTrue(again.thisWeek().isEmpty(), again.thisWeek().toString());
        assertEquals(4, again.all().size(), "resolved and dismissed questions are kept, marked");
        assertEquals(3, again.all().stream().filter(UnansweredQuestions.Question::resolved).count());
        assertTrue(again.openIn(C1).isEmpty());
    }
}
