package com.alpha01.client.ai;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The shop, settings and budget the assistant's tests share: short timeouts and back-off, no real waiting. */
final class TestShop {

    static final ShopProfile PROFILE = new ShopProfile("阿尔法小铺", "热情、简短", List.of("地址：杭州市西湖区文三路 88 号",
            "支持微信和支付宝付款"), "每天 9:00–21:00");
    static final RetryPolicy FAST_RETRY = new RetryPolicy(3, Duration.ofMillis(20), 2.0, Duration.ofMillis(80));

    private TestShop() {
    }

    static AssistantSettings settings(FakeZhipuServer fake) {
        return AssistantSettings.defaults()
                .withApiKey(FakeZhipuServer.API_KEY)
                .withEndpoint(fake.baseUrl(), "glm-4-flash")
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(8))
                .withRetry(FAST_RETRY);
    }

    static TokenBudget budget() {
        return new TokenBudget(TokenBudget.DEFAULT_DAILY_LIMIT, UsageStore.inMemory(), Clock.systemDefaultZone());
    }

    static AnswerService service(AssistantSettings settings, FixedKnowledge knowledge) {
        return AnswerService.basic(settings, PROFILE, knowledge, budget());
    }
}
