package com.alpha01.client.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutomationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String C = "c-1";

    /** 2026-11-25 10:00 in Shanghai: open. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T02:00:00Z"), SHANGHAI);
    private final List<String> done = new ArrayList<>();
    private int failuresLeft;

    private final Automation.Actions actions = new Automation.Actions() {
        @Override
        public void reply(String conversationId, String text) throws Exception {
            fail();
            done.add("reply " + conversationId + " " + text);
        }

        @Override
        public void notifyStaff(StaffMessage message) {
            done.add("notify " + message.key() + " " + new java.util.TreeMap<>(message.params()));
        }

        @Override
        public void handOff(String conversationId, String reason) throws Exception {
            fail();
            done.add("handoff " + conversationId + " " + reason);
        }

        @Override
        public StaffMessage dailySummary() {
            return StaffMessage.dailySummary(12, 30, 83, 2);
        }

        private void fail() throws Exception {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("offline");
            }
        }
    };

    private Automation automation(AutomationStore store) {
        return new Automation(clock, SHANGHAI, store, actions);
    }

    @Test
    void a_keyword_rule_replies_instead_of_the_assistant_and_disabled_rules_stay_silent() {
        Automation a = automation(AutomationStore.inMemory());
        a.save(new Rule("parking", "停车", true, Rule.Trigger.KEYWORD, "停车|车位", Rule.Action.REPLY, "店门口有 6 个免费车位。"));
        Automation.Outcome outcome = a.onCustomerMessage(C, "请问有车位吗", true);
        assertTrue(outcome.handled() && outcome.replied());
        assertEquals(List.of("reply c-1 店门口有 6 个免费车位。"), done);

        a.setEnabled("parking", false);
        assertFalse(a.onCustomerMessage(C, "停车方便吗", false).handled());
        assertEquals(1, done.size(), "the greeting is off by default and the parking rule is now off");
    }

    @Test
    void an_intent_rule_fires_on_a_message_alike_in_meaning_and_never_without_a_matcher() {
        Automation a = automation(AutomationStore.inMemory());
        a.save(new Rule("booking", "订位", true, Rule.Trigger.INTENT, "我想预订座位|可以订位吗", Rule.Action.REPLY,
                "订位请拨打 021-0000 0000。"));
        assertFalse(a.onCustomerMessage(C, "能帮我留一桌吗", true).handled(), "no matcher: intent rules stay silent");
        a.useIntents((message, example) -> message.equals("能帮我留一桌吗") && example.equals("可以订位吗") ? 0.86 : 0.4);
        assertTrue(a.onCustomerMessage(C, "能帮我留一桌吗", false).replied());
        assertFalse(a.onCustomerMessage(C, "拿铁多少钱", false).handled());
        assertEquals(List.of("reply c-1 订位请拨打 021-0000 0000。"), done);
    }

    @Test
    void the_greeting_goes_to_new_conversations_only_and_lets_the_assistant_answer() {
        Automation a = automation(AutomationStore.inMemory());
        a.setEnabled("greeting", true);
        assertFalse(a.onCustomerMessage(C, "你好", true).handled(), "the assistant still answers the question");
        a.onCustomerMessage(C, "在吗", false);
        assertEquals(List.of("reply c-1 您好，欢迎光临！我是智能助手，有什么可以帮您？"), done);
    }

    @Test
    void after_hours_the_notice_is_sent_once_per_conversation_and_day() {
        Automation a = automation(AutomationStore.inMemory());
        clock.advance(Duration.ofHours(12)); // 22:00
        assertFalse(a.onCustomerMessage(C, "还营业吗", true).handled(), "the assistant still answers at night");
        a.onCustomerMessage(C, "有人吗", false);
        assertEquals(1, done.size());
        clock.advance(Duration.ofHours(12)); // 10:00 next day: open
        assertFalse(a.onCustomerMessage(C, "早上好", false).handled());
        assertEquals(1, done.size());
    }

    @Test
    void an_idle_follow_up_comes_once_after_the_shop_answered_and_the_customer_went_quiet() {
        Automation a = automation(AutomationStore.inMemory());
        a.setEnabled("idle-follow-up", true);
        a.onCustomerMessage(C, "拿铁多少钱", true);
        clock.advance(Duration.ofSeconds(5));
        a.onAnswer(C);
        clock.advance(Duration.ofMinutes(9));
        a.tick();
        assertTrue(done.isEmpty(), "not yet: 9 of 10 minutes");
        clock.advance(Duration.ofMinutes(1));
        a.tick();
        a.tick();
        assertEquals(List.of("reply c-1 请问还有什么可以帮您的吗？"), done);
        clock.advance(Duration.ofMinutes(30));
        a.tick();
        assertEquals(1, done.size(), "one follow-up until the customer writes again");
    }

    @Test
    void the_daily_summary_goes_to_staff_once_at_its_time() {
        Automation a = automation(AutomationStore.inMemory());
        for (int i = 0; i < 12 * 120; i++) { // 10:00 to 22:00 in half-minute ticks
            clock.advance(Duration.ofSeconds(30));
            a.tick();
        }
        assertEquals(List.of("notify DAILY_SUMMARY {aiRate=83, conversations=12, customerMessages=30, waiting=2}"), done);
        assertEquals("daily-summary", a.log().get(0).ruleId());
    }

    @Test
    void a_failing_action_is_retried_with_pauses_then_reported_to_staff_and_logged() {
        Automation a = automation(AutomationStore.inMemory());
        a.setEnabled("invoice", true);
        failuresLeft = 5;
        assertTrue(a.onCustomerMessage(C, "可以开发票吗", true).handedOff());
        a.tick();
        assertTrue(done.isEmpty(), "the retry waits 30 s");
        clock.advance(Duration.ofSeconds(30));
        a.tick();
        clock.advance(Duration.ofSeconds(59));
        a.tick();
        assertTrue(done.isEmpty(), "the third attempt waits 60 s more");
        clock.advance(Duration.ofSeconds(1));
        a.tick();
        assertEquals(List.of("notify RULE_FAILED {reason=offline, rule=发票咨询转人工}"), done);
        List<Execution.Outcome> outcomes = a.log().stream().filter(e -> e.ruleId().equals("invoice"))
                .map(Execution::outcome).toList();
        assertEquals(List.of(Execution.Outcome.FAILED, Execution.Outcome.RETRYING, Execution.Outcome.RETRYING), outcomes);
        assertEquals(List.of(3, 2, 1), a.log().stream().filter(e -> e.ruleId().equals("invoice"))
                .map(Execution::attempt).toList());
    }

    @Test
    void a_retry_that_succeeds_is_logged_as_ok() {
        Automation a = automation(AutomationStore.inMemory());
        a.setEnabled("invoice", true);
        failuresLeft = 1;
        a.onCustomerMessage(C, "开票", true);
        clock.advance(Duration.ofSeconds(30));
        a.tick();
        assertEquals(List.of("handoff c-1 发票咨询转人工"), done);
        assertEquals(Execution.Outcome.OK, a.log().get(0).outcome());
        assertEquals(2, a.log().get(0).attempt(), "the page says it went well on the second try");
    }

    @Test
    void rules_hours_and_log_survive_a_restart() {
        AutomationStore store = AutomationStore.inMemory();
        Automation a = automation(store);
        a.save(new Rule("open-msg", "开店提醒", true, Rule.Trigger.SCHEDULE, "55 8 * * 1-5", Rule.Action.NOTIFY_STAFF,
                "还有 5 分钟开门"));
        a.delete("greeting");
        a.setHours(new BusinessHours(java.time.LocalTime.of(8, 0), java.time.LocalTime.of(2, 0)));
        a.onCustomerMessage(C, "你好", true);

        Automation again = automation(store);
        assertTrue(again.rules().stream().anyMatch(r -> r.id().equals("open-msg")));
        assertTrue(again.rules().stream().noneMatch(r -> r.id().equals("greeting")));
        assertEquals(java.time.LocalTime.of(2, 0), again.hours().close());
    }

    @Test
    void invalid_rules_are_refused_with_the_reason() {
        assertThrows(IllegalArgumentException.class, () -> new Rule("k", "空关键词", true, Rule.Trigger.KEYWORD, " | ",
                Rule.Action.REPLY, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Rule("s", "坏时间", true, Rule.Trigger.SCHEDULE, "61 * * * *",
                Rule.Action.NOTIFY_STAFF, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Rule("s", "无会话", true, Rule.Trigger.SCHEDULE, "0 9 * * *",
                Rule.Action.REPLY, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Rule("i", "闲置", true, Rule.Trigger.IDLE, "0",
                Rule.Action.REPLY, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Rule("bad id!", "x", true, Rule.Trigger.NEW_CONVERSATION, "",
                Rule.Action.REPLY, "x"));
    }

    @Test
    void cron_finds_the_next_minute_with_lists_ranges_steps_and_weekdays() {
        Cron weekdays = Cron.parse("55 8 * * 1-5");
        assertEquals(LocalDateTime.parse("2026-11-30T08:55"), weekdays.next(LocalDateTime.parse("2026-11-27T09:00")).get(),
                "Friday after 8:55 → Monday");
        Cron every15 = Cron.parse("*/15 9-10 * * *");
        assertEquals(LocalDateTime.parse("2026-11-25T09:15"), every15.next(LocalDateTime.parse("2026-11-25T09:00")).get());
        assertEquals(LocalDateTime.parse("2026-11-26T09:00"), every15.next(LocalDateTime.parse("2026-11-25T10:45")).get());
        assertTrue(Cron.parse("0 0 * * 7").matches(LocalDateTime.parse("2026-11-29T00:00")), "7 is Sunday");
        assertTrue(Cron.parse("0 12 29 2 *").next(LocalDateTime.parse("2026-11-25T00:00")).isEmpty(),
                "29 February is more than a year away");
    }
}
