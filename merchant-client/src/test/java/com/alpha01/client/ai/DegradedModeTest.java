package com.alpha01.client.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.ai.FakeZhipuServer.Reply;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Without the model (no key, errors, no network): an extractive answer that reads as the shop's own sentence, its
 * source kept beside it, or a fallback for staff.
 */
class DegradedModeTest {

    private static final String RETURNS = "七天无理由退换货，商品需保持完好，运费由顾客承担。";

    private FakeZhipuServer fake;
    private AnswerService service;

    @BeforeEach
    void start() throws Exception {
        fake = FakeZhipuServer.start();
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        fake.close();
    }

    private Answer ask(AssistantSettings settings, String text) throws Exception {
        service = TestShop.service(settings, FixedKnowledge.shop());
        RecordingSink sink = new RecordingSink();
        Answer answer = service.answer(new Question("c1", 7, text, "王女士"), sink).get(10, TimeUnit.SECONDS);
        assertEquals(1, sink.completions());
        return answer;
    }

    @Test
    void should_not_retry_a_rejected_key_and_answer_from_the_knowledge_base_with_its_source() throws Exception {
        String wrongSecret = FakeZhipuServer.API_KEY.substring(0, FakeZhipuServer.API_KEY.indexOf('.') + 1)
                + "another-secret-0123456789";

        Answer answer = ask(TestShop.settings(fake).withApiKey(wrongSecret), "可以退货吗？");

        assertEquals(1, fake.requestCount(), "401 is not retried");
        assertEquals(Answer.Kind.EXTRACTIVE, answer.kind());
        assertEquals(RETURNS, answer.text());
        assertEquals("退换货政策.pdf 第1页", answer.source());
        assertNull(answer.staffNote());
    }

    @Test
    void should_greet_a_greeting_in_the_shops_name_instead_of_quoting_the_knowledge_base() throws Exception {
        Answer hello = ask(TestShop.settings(fake).withApiKey(null), "你好");

        assertEquals(Answer.Kind.GREETING, hello.kind());
        assertEquals("您好！欢迎光临阿尔法小铺，请问有什么可以帮您？", hello.text());
        assertTrue(!hello.needsStaff() && hello.source() == null);
        service.close();
        Answer question = ask(TestShop.settings(fake).withApiKey(null), "你好，可以退货吗？");
        assertEquals(Answer.Kind.EXTRACTIVE, question.kind(), "a greeting with a question is a question");
    }

    @Test
    void should_hand_over_rather_than_quote_a_reply_that_promises_a_person() throws Exception {
        service = TestShop.service(TestShop.settings(fake).withApiKey(null), FixedKnowledge.shop()
                .add("staff", "常见问题 · 第7条", 0.95, "好的，已为您通知店员，请稍候。", "找人", "帮忙看看"));
        RecordingSink sink = new RecordingSink();

        Answer answer = service.answer(new Question("c1", 8, "能帮忙看看我的订单吗", "王女士"), sink).get(10, TimeUnit.SECONDS);

        assertEquals(Answer.Kind.HANDOFF, answer.kind(), "the hand-off happens: staff are told, the conversation is theirs");
        assertTrue(answer.needsStaff());
        assertEquals(AnswerService.HANDOFF_TEXT, answer.text());
        assertEquals(StaffNote.Reason.KNOWLEDGE_SAYS_STAFF, answer.staffNote().reason());
        assertEquals(List.of("能帮忙看看我的订单吗"), answer.staffNote().recent());
        assertEquals(0, fake.requestCount());
    }

    @Test
    void should_retry_a_rate_limit_with_back_off_then_answer_from_the_knowledge_base() throws Exception {
        fake.defaultReply(Reply.rateLimited());

        Answer answer = ask(TestShop.settings(fake), "可以退货吗？");

        assertEquals(TestShop.FAST_RETRY.maxAttempts(), fake.requestCount(), "429 (1302) is tried three times in all");
        assertEquals(Answer.Kind.EXTRACTIVE, answer.kind());
        assertEquals(RETURNS, answer.text());
    }

    @Test
    void should_use_the_answer_that_follows_a_retried_server_error() throws Exception {
        fake.enqueue(Reply.serverError(), Reply.rateLimited(), Reply.text("可以，七天无理由退换货。"));

        Answer answer = ask(TestShop.settings(fake), "可以退货吗？");

        assertEquals(3, fake.requestCount());
        assertEquals(Answer.Kind.AI, answer.kind());
        assertEquals("可以，七天无理由退换货。", answer.text());
    }

    @Test
    void should_not_retry_when_the_account_is_in_arrears() throws Exception {
        fake.defaultReply(Reply.noBalance());

        Answer answer = ask(TestShop.settings(fake), "可以退货吗？");

        assertEquals(1, fake.requestCount(), "1113 will not get better by retrying");
        assertEquals(Answer.Kind.EXTRACTIVE, answer.kind());
    }

    @Test
    void should_answer_from_the_knowledge_base_when_the_server_cannot_be_reached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        AssistantSettings down = TestShop.settings(fake).withEndpoint("http://127.0.0.1:" + closedPort + "/",
                "glm-4-flash");

        Answer answer = ask(down, "什么时候发货？");

        assertEquals(Answer.Kind.EXTRACTIVE, answer.kind());
        assertEquals("同城订单当天发货，外地订单两天内发货，满99元包邮。", answer.text());
        assertEquals("配送说明.docx", answer.source());
        assertEquals("配送说明.docx", answer.shownSource());
    }

    @Test
    void should_retry_a_request_that_times_out_then_degrade() throws Exception {
        fake.defaultReply(Reply.text("太迟了。").withDelay(Duration.ofSeconds(5)));
        AssistantSettings impatient = TestShop.settings(fake).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(250),
                Duration.ofSeconds(8)).withRetry(new RetryPolicy(2, Duration.ofMillis(20), 2, Duration.ofMillis(20)));

        Answer answer = ask(impatient, "可以退货吗？");

        assertEquals(2, fake.requestCount());
        assertEquals(Answer.Kind.EXTRACTIVE, answer.kind());
    }

    @Test
    void should_answer_from_the_knowledge_base_without_any_request_when_no_key_is_set() throws Exception {
        Answer answer = ask(TestShop.settings(fake).withApiKey(null), "可以退货吗？");

        assertEquals(Answer.Kind.EXTRACTIVE, answer.kind());
        assertEquals(RETURNS, answer.text());
        assertEquals(0, fake.requestCount());
    }

    @Test
    void should_treat_a_key_not_of_the_form_id_dot_secret_as_no_key() throws Exception {
        Answer answer = ask(TestShop.settings(fake).withApiKey("sk-not-a-zhipu-key"), "可以退货吗？");

        assertEquals(Answer.Kind.EXTRACTIVE, answer.kind());
        assertEquals(0, fake.requestCount());
    }

    @Test
    void should_tell_the_customer_a_person_will_reply_and_notify_staff_for_an_unrelated_question() throws Exception {
        Answer answer = ask(TestShop.settings(fake).withApiKey(null), "你们有停车位吗？");

        assertEquals(Answer.Kind.FALLBACK, answer.kind());
        assertEquals("您好，我已收到您的问题，店员会尽快回复您。", answer.text());
        assertTrue(answer.needsStaff());
        assertEquals(new StaffNote(StaffNote.Reason.NO_ANSWER, "", "王女士", List.of("你们有停车位吗？")), answer.staffNote());
    }

    @Test
    void should_not_quote_a_weak_match() throws Exception {
        Answer answer = ask(TestShop.settings(fake).withApiKey(null), "优惠券能和会员折扣一起用吗？");

        assertEquals(Answer.Kind.FALLBACK, answer.kind(), "0.55 is related but not confident");
    }
}
