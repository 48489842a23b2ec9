package com.alpha01.client.answering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.ai.AnswerService;
import com.alpha01.client.ai.AssistantSettings;
import com.alpha01.client.ai.ShopProfile;
import com.alpha01.client.ai.TokenBudget;
import com.alpha01.client.ai.UsageStore;
import com.alpha01.client.faq.FaqResponder;
import com.alpha01.client.kb.KnowledgeSearch;
import com.alpha01.client.kb.UnansweredQuestions;
import com.alpha01.client.link.ServerLink;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreKey;
import com.alpha01.protocol.Frame;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A question the assistant hands to staff is kept for the shop to add to the knowledge base; an answered one is not. */
class HandOffRecordingTest {

    private static final String CONVERSATION = "0c1a1e2b-0000-4000-8000-0000000000c1";

    @TempDir
    Path dir;

    /** A knowledge base that knows only about opening hours. */
    private static final KnowledgeSearch HOURS_ONLY = new KnowledgeSearch() {
        @Override
        public List<Hit> search(String query, int k) {
            return query.contains("几点") ? List.of(new Hit("faq-1", "每天 9:00–21:00 营业。", "营业时间", 0.9)) : List.of();
        }

        @Override
        public boolean confident(Hit hit) {
            return hit.score() > 0.5;
        }
    };

    @Test
    void the_question_of_a_hand_off_is_recorded_with_its_conversation_and_seq() throws Exception {
        UnansweredQuestions unanswered = UnansweredQuestions.open(
                EncryptedStore.open(dir, StoreKey.passphrase("hand-off-test".toCharArray())));
        AnswerService ai = AnswerService.basic(AssistantSettings.defaults(), new ShopProfile("测试店", "", List.of(), ""),
                HOURS_ONLY, new TokenBudget(1000, UsageStore.inMemory(), Clock.systemUTC()));
        try (AutoResponder responder = new AutoResponder(FaqResponder.builtIn(), AutoResponder.messagesTo(m -> { }));
                ServerLink link = new ServerLink(URI.create("http://127.0.0.1:9"), "7a1e2b3c-0000-4000-8000-000000000001",
                        () -> "token", responder)) {
            responder.attach(link); // never started: replies wait in its outbox
            responder.useAssistant(() -> Optional.of(ai));
            responder.recordUnanswered(unanswered);

            responder.onMessage(customer(1, "今天几点关门"));
            responder.onMessage(customer(2, "你们招聘店员吗？"));

            List<UnansweredQuestions.Question> open = waitForOne(unanswered);
            assertEquals("你们招聘店员吗？", open.get(0).text());
            assertEquals(2, open.get(0).seq());
            assertEquals(1, unanswered.thisWeek().size(), "the question answered from the knowledge base is not kept");
        } finally {
            ai.close();
        }
    }

    private static Frame.Message customer(long seq, String text) {
        return new Frame.Message("m" + seq, CONVERSATION, seq, Frame.Sender.CUSTOMER, text, Instant.now(), "王女士", null);
    }

    /** The answers come on the assistant's thread: polls until the hand-off's question is there, for up to 10 s. */
    private static List<UnansweredQuestions.Question> waitForOne(UnansweredQuestions unanswered) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<UnansweredQuestions.Question> open = unanswered.openIn(CONVERSATION);
        while (open.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            open = unanswered.openIn(CONVERSATION);
        }
        assertTrue(!open.isEmpty(), "the hand-off's question was not recorded");
        return open;
    }
}
