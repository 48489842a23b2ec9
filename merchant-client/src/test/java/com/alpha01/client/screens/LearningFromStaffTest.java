package com.alpha01.client.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.answering.LocalAi;
import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.bridge.BridgeReply;
import com.alpha01.client.kb.UnansweredQuestions;
import com.alpha01.client.settings.AppSettings;
import com.alpha01.client.settings.ClientSettings;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreKey;
import com.alpha01.client.ui.UiState;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screens' side of learning from staff, through the real bridge, knowledge base and store: 会话
 * lists a conversation's handed-over questions, 知识库 lists the week's, and adding one (from either)
 * makes an entry the search finds at once and takes the question off the lists.
 */
class LearningFromStaffTest {

    private static final String C1 = "0c1a1e2b-0000-4000-8000-000000000001";
    private static final String C2 = "0c1a1e2b-0000-4000-8000-000000000002";

    @TempDir
    Path home;
    private LocalAi ai;
    private final Bridge bridge = new Bridge();

    @BeforeEach
    void open() throws Exception {
        EncryptedStore store = EncryptedStore.open(home.resolve("store"), StoreKey.passphrase("learning".toCharArray()));
        ai = new LocalAi(store, new AppSettings(store, new ClientSettings(home)), () -> "测试店", () -> "09:00–21:00");
        ai.awaitKnowledge();
        new KnowledgeScreen(ai, Optional::empty).register(bridge);
        new ConversationsScreen(new UiState(), null, null, null, null, ai.unanswered()).register(bridge);
    }

    @AfterEach
    void close() {
        bridge.close();
        ai.close();
    }

    @Test
    void a_handed_over_question_added_from_the_conversation_is_searchable_at_once_and_resolved() {
        UnansweredQuestions unanswered = ai.unanswered();
        UnansweredQuestions.Question hiring = unanswered.record(C1, 3, "你们招聘店员吗？");
        unanswered.record(C2, 2, "可以带狗狗进店吗");
        unanswered.answered(C1, "目前不招聘，有岗位时会在门口张贴通知。");

        JsonArray inC1 = ok("conversations.unanswered", Json.createObjectBuilder().add("conversationId", C1))
                .getJsonArray("questions");
        assertEquals(1, inC1.size());
        JsonObject q = inC1.getJsonObject(0);
        assertEquals(hiring.id(), q.getString("id"));
        assertEquals(3, q.getInt("seq"));
        assertEquals("目前不招聘，有岗位时会在门口张贴通知。", q.getString("answer"), "staff's reply, for the form");

        JsonObject added = ok("knowledge.add", Json.createObjectBuilder().add("question", "你们招聘店员吗")
                .add("text", "目前不招聘，有岗位时会在门口张贴通知。").add("unansweredId", q.getString("id")));

        JsonObject top = ok("knowledge.search", Json.createObjectBuilder().add("q", "你们招聘店员吗？"))
                .getJsonArray("hits").getJsonObject(0);
        assertEquals(added.getString("id"), top.getString("entryId"), "the new entry is what the search finds first");
        assertTrue(top.getBoolean("confident"), top.toString());
        assertTrue(ok("conversations.unanswered", Json.createObjectBuilder().add("conversationId", C1))
                .getJsonArray("questions").isEmpty(), "resolved: no longer offered in 会话");
        JsonArray week = ok("knowledge.unanswered", Json.createObjectBuilder()).getJsonArray("questions");
        assertEquals(1, week.size());
        assertEquals("可以带狗狗进店吗", week.getJsonObject(0).getString("text"));
    }

    @Test
    void the_week_lists_repeated_questions_once_with_their_count_and_a_dismissed_one_goes() {
        UnansweredQuestions unanswered = ai.unanswered();
        unanswered.record(C1, 2, "能开发票吗");
        unanswered.record(C2, 5, "能开发票吗？");
        unanswered.answered(C1, "可以开电子发票，请留下抬头和税号。");
        UnansweredQuestions.Question dog = unanswered.record(C2, 7, "可以带狗狗进店吗");

        JsonArray week = ok("knowledge.unanswered", Json.createObjectBuilder()).getJsonArray("questions");
        assertEquals(2, week.size(), week.toString());
        assertEquals("可以带狗狗进店吗", week.getJsonObject(0).getString("text"), "newest first");
        assertEquals(1, week.getJsonObject(0).getInt("count"));
        assertEquals("", week.getJsonObject(0).getString("answer"), "no staff answer: the form's answer starts empty");
        assertEquals(2, week.getJsonObject(1).getInt("count"));
        assertEquals("可以开电子发票，请留下抬头和税号。", week.getJsonObject(1).getString("answer"));

        ok("knowledge.dismissUnanswered", Json.createObjectBuilder().add("id", dog.id()));
        BridgeReply again = bridge.dispatch(request("knowledge.dismissUnanswered",
                Json.createObjectBuilder().add("id", dog.id()).build()));
        assertFalse(again.ok());
        assertEquals("NOT_FOUND", again.code());
        JsonArray left = ok("knowledge.unanswered", Json.createObjectBuilder()).getJsonArray("questions");
        assertEquals(1, left.size());
        assertEquals("能开发票吗？", left.getJsonObject(0).getString("text"));
    }

    private JsonObject ok(String type, jakarta.json.JsonObjectBuilder payload) {
        BridgeReply reply = bridge.dispatch(request(type, payload.build()));
        assertTrue(reply.ok(), type + ": " + reply.code() + " " + reply.message());
        return reply.result();
    }

    private static String request(String type, JsonObject payload) {
        return Json.createObjectBuilder().add("type", type).add("payload", payload).build().toString();
    }
}
