package com.alpha01.client.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Learning from staff in the real window: 会话 offers staff's reply to a handed-over question for the
 * knowledge base in a prefilled form and shows where the assistant's answers came from; 知识库 lists
 * the week's unanswered questions, to add or dismiss.
 */
class LearningScreensTest extends AppWindowTest {

    @Test
    void staffs_reply_to_a_handed_over_question_is_added_to_the_knowledge_base_from_the_conversation() throws Exception {
        desktop.bridge.emit("conversation", Json.createObjectBuilder(FakeDesktop.conversation(FakeDesktop.C2, "陈先生",
                "HUMAN", "李小梅")).add("messages", Json.createArrayBuilder()
                        .add(FakeDesktop.message(FakeDesktop.C2, 1, "CUSTOMER", "你们招聘店员吗？", "10:20:00", null))
                        .add(Json.createObjectBuilder(FakeDesktop.message(FakeDesktop.C2, 2, "BOT",
                                "您好，我已收到您的问题，店员会尽快回复您。", "10:20:02", 1))
                                .add("source", "<i>招聘须知.docx</i> · 第 2 段"))
                        .add(FakeDesktop.message(FakeDesktop.C2, 3, "STAFF", "目前不招聘，有岗位时会在门口张贴通知。", "10:25:00", null)))
                .build());
        ui.show("conversations");
        ui.click("[data-conversation-id='" + FakeDesktop.C2 + "']");
        ui.waitFor("document.querySelector('#transcript [data-seq=\"3\"] .learn-action') !== null");
        assertEquals("1", ui.eval("return String(document.querySelectorAll('#transcript .learn-action').length)"),
                "offered under staff's reply only");
        assertEquals("来源：<i>招聘须知.docx</i> · 第 2 段", ui.text("#transcript [data-seq=\"2\"] .message-source"),
                "the full source under the assistant's bubble, as text");
        ui.shoot(screenshots, "learning-conversation-zh-CN");

        ui.click("#transcript [data-seq=\"3\"] .learn-action");
        ui.waitFor("document.getElementById('learn-dialog').open");
        assertEquals("你们招聘店员吗？", ui.eval("return document.getElementById('learn-question').value"));
        assertEquals("目前不招聘，有岗位时会在门口张贴通知。", ui.eval("return document.getElementById('learn-answer').value"));
        ui.shoot(screenshots, "learning-form-zh-CN");
        ui.type("#learn-question", "你们招聘店员吗");
        ui.click("#learn-save");
        JsonObject added = desktop.next("knowledge.add");
        assertNotNull(added, "the form did not reach Java");
        assertEquals("你们招聘店员吗", added.getString("question"), "what staff edited");
        assertEquals("目前不招聘，有岗位时会在门口张贴通知。", added.getString("text"));
        assertEquals("u1", added.getString("unansweredId"));
        ui.waitFor("!document.getElementById('learn-dialog').open");

        // A conversation without sources or handed-over questions shows neither.
        ui.click("[data-conversation-id='" + FakeDesktop.C1 + "']");
        ui.waitFor("document.querySelectorAll('#transcript .message').length === 3");
        assertEquals("0", ui.eval("return String(document.querySelectorAll('#transcript .message-source,"
                + " #transcript .learn-action').length)"));
    }

    @Test
    void the_knowledge_screen_lists_the_weeks_unanswered_questions_to_add_or_dismiss() throws Exception {
        ui.show("knowledge");
        ui.waitFor("document.querySelectorAll('#kb-unanswered .kb-unanswered-item').length === 2");
        assertEquals("true", hidden("#kb-unanswered-empty"), "no 'none' line beside the list");
        assertEquals("能开发票吗", ui.text("#kb-unanswered [data-unanswered-id=u2] .kb-unanswered-text"));
        String meta = ui.text("#kb-unanswered [data-unanswered-id=u2] .kb-doc-meta");
        assertTrue(meta.contains("问了 3 次") && meta.contains("店员已回复"), meta);
        ui.shoot(screenshots, "learning-knowledge-zh-CN");

        ui.click("#kb-unanswered [data-unanswered-id=u2] [data-learn-action=add]");
        ui.waitFor("document.getElementById('learn-dialog').open");
        assertEquals("能开发票吗", ui.eval("return document.getElementById('learn-question').value"));
        assertEquals("可以开电子发票，请留下抬头和税号。", ui.eval("return document.getElementById('learn-answer').value"));
        ui.click("#learn-cancel");
        ui.waitFor("!document.getElementById('learn-dialog').open");

        ui.click("#kb-unanswered [data-unanswered-id=u1] [data-learn-action=add]");
        ui.waitFor("document.getElementById('learn-dialog').open");
        assertEquals("", ui.eval("return document.getElementById('learn-answer').value"), "nobody answered it yet");
        ui.click("#learn-cancel");
        ui.waitFor("!document.getElementById('learn-dialog').open");

        ui.click("#kb-unanswered [data-unanswered-id=u1] [data-learn-action=dismiss]");
        assertEquals("u1", desktop.next("knowledge.dismissUnanswered").getString("id"));

        ui.click("[data-lang=en]");
        ui.waitFor("document.getElementById('kb-unanswered-title').textContent === 'Unanswered this week'");
        ui.waitFor("document.querySelector('#kb-unanswered [data-unanswered-id=u2] .kb-doc-meta').textContent"
                + ".includes('asked 3 times')");
        ui.click("[data-lang='zh-CN']");
        ui.waitFor("document.documentElement.lang === 'zh-CN'");
    }

    private String hidden(String selector) throws Exception {
        return ui.eval("return String(document.querySelector(" + UiDriver.js(selector) + ").hidden)");
    }
}
