package com.alpha01.client.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.ai.FakeZhipuServer.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tool round trips through the fake ZhipuAI, and the ways a conversation is handed to staff. */
class ToolsAndHandOffTest {

    @TempDir
    Path dir;
    private FakeZhipuServer fake;
    private FollowUps followUps;
    private AnswerService service;

    @BeforeEach
    void start() throws Exception {
        fake = FakeZhipuServer.start();
        followUps = new FollowUps(Clock.systemUTC());
        Path orders = dir.resolve("orders.csv");
        Files.writeString(orders, "\uFEFF订单号,状态,更新时间\nA1001,已发货（顺丰 SF123）,2025-05-01 10:00\nA1002,待付款,\n",
                StandardCharsets.UTF_8);
        service = new AnswerService(TestShop.settings(fake), TestShop.PROFILE, FixedKnowledge.shop(),
                new OrderBook(orders), followUps, TestShop.budget());
    }

    @AfterEach
    void stop() {
        service.close();
        fake.close();
    }

    private Answer ask(String conversation, String text, RecordingSink sink) throws Exception {
        return service.answer(new Question(conversation, 3, text, "李先生"), sink).get(10, TimeUnit.SECONDS);
    }

    @Test
    void should_look_up_the_order_in_the_csv_and_send_the_result_back_to_the_model() throws Exception {
        fake.enqueue(Reply.toolCall("orderStatus", "{\"orderNumber\":\"a1001\"}"),
                Reply.text("您的订单 A1001 ", "已发货（顺丰 SF123）。"));
        RecordingSink sink = new RecordingSink();

        Answer answer = ask("c1", "我的订单 a1001 到哪了？", sink);

        assertEquals(2, fake.requestCount());
        FakeZhipuRequest followUp = fake.request(1);
        assertEquals(List.of("订单 A1001：已发货（顺丰 SF123）（更新于 2025-05-01 10:00）"), followUp.contents("tool"));
        String callId = followUp.messages().getJsonObject(followUp.messages().size() - 2)
                .getJsonArray("tool_calls").getJsonObject(0).getString("id");
        assertEquals(List.of(callId), followUp.toolCallIds(), "the result names the call it answers");
        String call = followUp.messages().getJsonObject(followUp.messages().size() - 2).toString();
        assertTrue(call.contains("\"name\":\"orderStatus\"") && call.contains("a1001"), call);
        assertEquals(Answer.Kind.AI, answer.kind());
        assertEquals("您的订单 A1001 已发货（顺丰 SF123）。", answer.text());
        assertEquals(List.of("您的订单 A1001 ", "您的订单 A1001 已发货（顺丰 SF123）。"), sink.partials(),
                "nothing streamed for the tool-call round");
    }

    @Test
    void should_tell_the_model_when_the_order_is_not_in_the_csv() throws Exception {
        fake.enqueue(Reply.toolCall("orderStatus", "{\"orderNumber\":\"B9\"}"), Reply.text("没有查到这个订单，请核对订单号。"));

        ask("c1", "订单 B9 呢？", new RecordingSink());

        assertEquals(List.of("没有找到订单号为 B9 的订单，请顾客核对订单号。"), fake.request(1).contents("tool"));
    }

    @Test
    void should_answer_business_hours_from_the_shop_profile() throws Exception {
        fake.enqueue(Reply.toolCall("businessHours", "{}"), Reply.text("我们每天 9:00–21:00 营业。"));

        ask("c1", "几点关门？", new RecordingSink());

        assertEquals(List.of("每天 9:00–21:00"), fake.request(1).contents("tool"));
    }

    @Test
    void should_tell_the_model_when_it_asks_for_a_tool_that_does_not_exist() throws Exception {
        fake.enqueue(Reply.toolCall("refund", "{\"orderNumber\":\"A1001\"}"), Reply.text("退款需要店员处理，请稍候。"));

        Answer answer = ask("c1", "给我退款", new RecordingSink());

        assertEquals(List.of("没有名为 refund 的工具。"), fake.request(1).contents("tool"));
        assertEquals("退款需要店员处理，请稍候。", answer.text());
    }

    @Test
    void should_create_the_follow_up_task_the_model_asks_for() throws Exception {
        List<FollowUps.FollowUp> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        followUps.onCreated(told::add);
        fake.enqueue(Reply.toolCall("createFollowUp", "{\"summary\":\"为订单 A1001 开具发票\"}"),
                Reply.text("已记下，店员会为您开具发票。"));

        Answer answer = ask("c9", "A1001 需要开发票", new RecordingSink());

        assertEquals(Answer.Kind.AI, answer.kind());
        assertEquals(1, followUps.open().size());
        FollowUps.FollowUp task = followUps.open().get(0);
        assertEquals("c9", task.conversationId());
        assertEquals("为订单 A1001 开具发票", task.summary());
        assertEquals(List.of(task), told);
    }

    @Test
    void should_hand_off_with_a_summary_when_the_model_calls_handOffToStaff() throws Exception {
        fake.enqueue(Reply.toolCall("handOffToStaff", "{\"reason\":\"顾客投诉商品破损\"}"),
                Reply.text("非常抱歉，已为您转接店员，请稍候。"));

        Answer answer = ask("c1", "收到的杯子是碎的，太差了！", new RecordingSink());

        assertEquals(Answer.Kind.HANDOFF, answer.kind());
        assertEquals("非常抱歉，已为您转接店员，请稍候。", answer.text());
        assertEquals(new StaffNote(StaffNote.Reason.MODEL, "顾客投诉商品破损", "李先生", List.of("收到的杯子是碎的，太差了！")),
                answer.staffNote());
    }

    @Test
    void should_still_hand_off_when_the_model_fails_after_asking_for_it() throws Exception {
        fake.enqueue(Reply.toolCall("handOffToStaff", "{\"reason\":\"顾客要求退款\"}"), Reply.noBalance());

        Answer answer = ask("c1", "我要退款", new RecordingSink());

        assertEquals(Answer.Kind.HANDOFF, answer.kind());
        assertEquals(AnswerService.HANDOFF_TEXT, answer.text());
        assertEquals(StaffNote.Reason.MODEL, answer.staffNote().reason());
        assertEquals("顾客要求退款", answer.staffNote().detail());
    }

    @Test
    void should_hand_off_when_the_model_does_not_know_and_had_no_knowledge() throws Exception {
        fake.enqueue(Reply.text("抱歉，我不清楚停车的情况。"));

        Answer answer = ask("c1", "附近能停车吗？", new RecordingSink());

        assertEquals(Answer.Kind.HANDOFF, answer.kind());
        assertEquals(AnswerService.UNSURE_TEXT, answer.text());
        assertEquals(StaffNote.Reason.UNSURE, answer.staffNote().reason());
    }

    @Test
    void should_hand_off_at_once_without_asking_the_model_when_the_customer_asks_for_a_person() throws Exception {
        fake.enqueue(Reply.text("满99元包邮。"));
        ask("c1", "包邮吗？", new RecordingSink());
        RecordingSink sink = new RecordingSink();

        Answer answer = ask("c1", "转人工", sink);

        assertEquals(1, fake.requestCount(), "no model request for the hand-off");
        assertEquals(Answer.Kind.HANDOFF, answer.kind());
        assertEquals(AnswerService.HANDOFF_TEXT, answer.text());
        assertNull(answer.source());
        assertEquals(new StaffNote(StaffNote.Reason.ASKED_FOR_STAFF, "", "李先生", List.of("包邮吗？", "转人工")),
                answer.staffNote());
        assertTrue(sink.partials().isEmpty());
    }
}
