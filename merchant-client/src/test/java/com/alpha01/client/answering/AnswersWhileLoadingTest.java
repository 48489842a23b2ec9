package com.alpha01.client.answering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.faq.FaqResponder;
import com.alpha01.client.link.ServerLink;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreKey;
import com.alpha01.protocol.Frame;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a customer gets while the assistant is still starting (the knowledge base loading): the demo FAQ
 * answers only for a shop that has no knowledge of its own; otherwise the fallback line, and staff take
 * over (issue 13: demo content is never quoted as the shop's own).
 */
class AnswersWhileLoadingTest {

    private static final String CONVERSATION = "0c1a1e2b-0000-4000-8000-0000000000d2";

    @TempDir
    Path dir;

    @Test
    void a_shop_with_its_own_knowledge_gets_the_fallback_line_not_the_demo_shops_hours() throws Exception {
        List<String> waiting = askWhileLoading(true, "你们几点关门？");
        assertEquals(1, waiting.size(), waiting.toString());
        assertTrue(waiting.get(0).contains("店员会尽快回复您"), waiting.get(0));
        assertFalse(waiting.get(0).contains("9:00"), "the demo shop's hours: " + waiting.get(0));
    }

    @Test
    void a_shop_without_knowledge_of_its_own_still_gets_the_demo_faq() throws Exception {
        List<String> waiting = askWhileLoading(false, "你们几点关门？");
        assertEquals(1, waiting.size(), waiting.toString());
        assertTrue(waiting.get(0).contains("9:00–21:00"), waiting.get(0));
        assertTrue(waiting.get(0).contains("常见问题 · 第2条"), "with its source: " + waiting.get(0));
    }

    /** The replies waiting in the (never started) link's encrypted outbox after one question, as frames' JSON. */
    private List<String> askWhileLoading(boolean shopKnowledge, String text) throws Exception {
        EncryptedStore store = EncryptedStore.open(dir, StoreKey.passphrase("loading-test".toCharArray()));
        List<Frame.Message> shown = new CopyOnWriteArrayList<>();
        try (AutoResponder responder = new AutoResponder(FaqResponder.builtIn(), AutoResponder.messagesTo(shown::add));
                ServerLink link = new ServerLink(URI.create("http://127.0.0.1:9"), "7a1e2b3c-0000-4000-8000-000000000002",
                        () -> "token", responder)) {
            link.persistOutboxIn(store);
            responder.attach(link);
            responder.useShopKnowledgeCheck(() -> shopKnowledge);
            responder.onMessage(new Frame.Message("m1", CONVERSATION, 1, Frame.Sender.CUSTOMER, text, Instant.now(), "王女士", null));
            // The answer comes on the responder's worker; the outbox is saved after the reply is counted.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (saved(store).isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        return saved(store);
    }

    private static List<String> saved(EncryptedStore store) throws IOException {
        String outbox = store.getString("outbox").orElse("[]");
        return outbox.equals("[]") ? List.of() : List.of(outbox);
    }
}
