package com.alpha01.client.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.ai.FakeZhipuServer.Reply;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The model path against the fake ZhipuAI: streaming, what the requests carry, memory, budget. */
class AnswerServiceTest {

    private FakeZhipuServer fake;
    private FixedKnowledge knowledge;
    private TokenBudget budget;
    private AnswerService service;

    @BeforeEach
    void start() throws Exception {
        fake = FakeZhipuServer.start();
        knowledge = FixedKnowledge.shop();
        budget = TestShop.budget();
        service = AnswerService.basic(TestShop.settings(fake), TestShop.PROFILE, knowledge, budget);
    }

    @AfterEach
    void stop() {
        service.close();
        fake.close();
    }

    @Test
    void should_stream_the_answer_as_partials_then_complete_with_the_streamed_text() throws Exception {
        fake.enqueue(Reply.text("您好，", "支持七天无理由", "退换货", "《退换货政策.pdf 第1页》。"));
        RecordingSink sink = new RecordingSink();

        CompletableFuture<Answer> future = service.answer(new Question("c1", 1, "可以退货吗？", "王女士"), sink);
        Answer answer = sink.await();

        assertEquals(List.of("您好，", "您好，支持七天无理由", "您好，支持七天无理由退换货",
                "您好，支持七天无理由退换货《退换货政策.pdf 第1页》。"), sink.partials());
        assertEquals("您好，支持七天无理由退换货《退换货政策.pdf 第1页》。", answer.text());
        assertEquals(Answer.Kind.AI, answer.kind());
        assertEquals("退换货政策.pdf 第1页", answer.source());
        assertNull(answer.staffNote());
        assertEquals(answer, future.get(1, TimeUnit.SECONDS));
        assertEquals(1, sink.completions());
        assertTrue(fake.request(0).stream(), "the answer is requested as a stream");
    }

    @Test
    void should_keep_the_thinking_of_glm_4_5_models_out_of_the_answer_and_the_memory() throws Exception {
        fake.enqueue(Reply.text("满99元", "包邮。").withReasoning("顾客问包邮，", "资料里有。"), Reply.text("好的。"));
        RecordingSink sink = new RecordingSink();

        Answer answer = service.answer(new Question("c1", 1, "包邮吗？", null), sink).get(10, TimeUnit.SECONDS);
        service.answer(new Question("c1", 2, "谢谢", null), new RecordingSink()).get(10, TimeUnit.SECONDS);

        assertEquals("满99元包邮。", answer.text());
        assertEquals(List.of("满99元", "满99元包邮。"), sink.partials());
        assertEquals(List.of("满99元包邮。"), fake.request(1).contents("assistant"), "remembered as answered");
    }

    @Test
    void should_send_the_shop_profile_as_system_prompt_and_the_knowledge_with_its_source() throws Exception {
        fake.enqueue(Reply.text("同城当天发货。"));

        service.answer(new Question("c1", 1, "什么时候发货？", "王女士"), new RecordingSink()).get(10, TimeUnit.SECONDS);

        FakeZhipuRequest request = fake.request(0);
        String system = request.contents("system").get(0);
        assertTrue(system.contains("「阿尔法小铺」"), system);
        assertTrue(system.contains("语气：热情、简短"), system);
        assertTrue(system.contains("- 地址：杭州市西湖区文三路 88 号"), system);
        String user = request.lastUserContent();
        assertTrue(user.startsWith("什么时候发货？"), user);
        assertTrue(user.contains("《配送说明.docx》同城订单当天发货，外地订单两天内发货，满99元包邮。"), user);
        assertFalse(user.contains("王女士"), "the customer's name stays on this computer");
        assertEquals(List.of("什么时候发货？"), knowledge.queries());
        assertEquals(List.of("orderStatus", "businessHours", "createFollowUp", "handOffToStaff").stream().sorted().toList(),
                request.toolNames().stream().sorted().toList());
        assertEquals("glm-4-flash", request.body().getString("model"));
        assertEquals(0.3, request.body().getJsonNumber("temperature").doubleValue(), 1e-9);
    }

    @Test
    void should_say_so_in_the_question_when_the_knowledge_base_has_nothing_related() throws Exception {
        fake.enqueue(Reply.text("我们的地址是文三路 88 号。"));

        service.answer(new Question("c1", 1, "店在哪里？", null), new RecordingSink()).get(10, TimeUnit.SECONDS);

        assertTrue(fake.request(0).lastUserContent().endsWith(KnowledgeInjector.NOTHING_FOUND));
    }

    @Test
    void should_send_the_earlier_exchange_with_the_second_question_of_a_conversation_only() throws Exception {
        fake.enqueue(Reply.text("满99元包邮。"), Reply.text("外地两天内发货。"), Reply.text("您好！"));

        service.answer(new Question("c1", 1, "包邮吗？", null), new RecordingSink());
        service.answer(new Question("c1", 2, "外地呢？", null), new RecordingSink()).get(10, TimeUnit.SECONDS);
        service.answer(new Question("c2", 1, "你好", null), new RecordingSink()).get(10, TimeUnit.SECONDS);

        FakeZhipuRequest second = fake.request(1);
        assertEquals(List.of("包邮吗？", "外地呢？"), second.contents("user").stream().map(u -> u.split("\n")[0]).toList());
        assertEquals(List.of("满99元包邮。"), second.contents("assistant"));
        assertFalse(second.contents("user").get(0).contains(KnowledgeInjector.HEADER),
                "earlier questions are remembered without their retrieved knowledge");
        assertEquals(1, fake.request(2).contents("user").size(), "another conversation starts afresh");
        assertTrue(fake.request(2).contents("assistant").isEmpty());
    }

    @Test
    void should_authenticate_with_a_bearer_jwt_signed_for_the_key() throws Exception {
        long before = System.currentTimeMillis();
        fake.enqueue(Reply.text("好的。"));

        Answer answer = service.answer(new Question("c1", 1, "你好", null), new RecordingSink()).get(10, TimeUnit.SECONDS);

        assertEquals(Answer.Kind.AI, answer.kind(), "the fake accepted the token (it checks the signature)");
        FakeZhipuRequest request = fake.request(0);
        assertTrue(request.header("Authorization").startsWith("Bearer ey"));
        JsonObject claims = request.jwtClaims();
        assertEquals(FakeZhipuServer.API_KEY.substring(0, FakeZhipuServer.API_KEY.indexOf('.')),
                claims.getString("api_key"));
        long timestamp = claims.getJsonNumber("timestamp").longValue();
        assertTrue(timestamp >= before - 1000 && timestamp <= System.currentTimeMillis(), "timestamp in ms: " + timestamp);
        assertTrue(claims.getJsonNumber("exp").longValue() > timestamp, "expires after it was issued");
        assertFalse(request.header("Authorization").contains(FakeZhipuServer.API_KEY.substring(
                FakeZhipuServer.API_KEY.indexOf('.') + 1)), "the secret itself is never sent");
    }

    @Test
    void should_accept_the_api_base_url_as_the_settings_screen_writes_it() throws Exception {
        service.close();
        service = AnswerService.basic(TestShop.settings(fake).withEndpoint(fake.apiBaseUrl(), "glm-4-air"),
                TestShop.PROFILE, knowledge, budget);
        fake.enqueue(Reply.text("好的。"));

        Answer answer = service.answer(new Question("c1", 1, "你好", null), new RecordingSink()).get(10, TimeUnit.SECONDS);

        assertEquals(Answer.Kind.AI, answer.kind());
        assertEquals(FakeZhipuServer.PATH, fake.request(0).path());
        assertEquals("glm-4-air", fake.request(0).body().getString("model"));
    }

    @Test
    void should_count_the_tokens_the_responses_report_against_todays_budget() throws Exception {
        fake.enqueue(Reply.text("好的。").withUsage(120, 30));
        List<DailyUsage> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        budget.onChange(seen::add);

        service.answer(new Question("c1", 1, "你好", null), new RecordingSink()).get(10, TimeUnit.SECONDS);

        assertEquals(150, service.usage().tokens());
        assertEquals(TokenBudget.DEFAULT_DAILY_LIMIT, service.usage().limit());
        assertEquals(150, seen.get(seen.size() - 1).tokens(), "the UI is told");
    }

    @Test
    void should_degrade_instead_of_calling_the_model_once_the_budget_is_spent() throws Exception {
        service.close();
        TokenBudget small = new TokenBudget(100, UsageStore.inMemory(), Clock.systemDefaultZone());
        service = AnswerService.basic(TestShop.settings(fake), TestShop.PROFILE, knowledge, small);
        fake.enqueue(Reply.text("满99元包邮。").withUsage(90, 20));

        Answer first = service.answer(new Question("c1", 1, "包邮吗？", null), new RecordingSink()).get(10, TimeUnit.SECONDS);
        Answer second = service.answer(new Question("c1", 2, "怎么退货？", null), new RecordingSink())
                .get(10, TimeUnit.SECONDS);

        assertEquals(Answer.Kind.AI, first.kind());
        assertTrue(small.exhausted());
        assertEquals(1, fake.requestCount(), "no request once the budget is spent");
        assertEquals(Answer.Kind.EXTRACTIVE, second.kind());
        assertEquals("退换货政策.pdf 第1页", second.source());
    }

    @Test
    void should_give_up_waiting_and_degrade_when_the_answer_takes_longer_than_the_answer_timeout() throws Exception {
        service.close();
        service = AnswerService.basic(TestShop.settings(fake).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofMillis(300)), TestShop.PROFILE, knowledge, budget);
        fake.enqueue(Reply.text("太迟了。").withDelay(Duration.ofSeconds(3)));
        RecordingSink sink = new RecordingSink();

        long start = System.nanoTime();
        Answer answer = service.answer(new Question("c1", 1, "怎么退货？", null), sink).get(10, TimeUnit.SECONDS);

        assertTrue((System.nanoTime() - start) / 1_000_000 < 2500, "did not wait for the slow model");
        assertEquals(Answer.Kind.EXTRACTIVE, answer.kind());
        assertEquals(1, sink.completions());
    }
}
