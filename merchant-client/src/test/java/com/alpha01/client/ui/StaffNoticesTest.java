package com.alpha01.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alpha01.client.automation.StaffMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The desktop notices are worded in the app's language, with the values as given. */
class StaffNoticesTest {

    @Test
    void an_automation_message_is_worded_in_the_apps_language() {
        StaffMessage summary = StaffMessage.dailySummary(12, 30, 83, 2);
        assertEquals("Today: 12 conversations, 30 customer messages, AI answered 83%, 2 waiting",
                StaffNotices.word("en", summary.key().name(), summary.params()));
        assertEquals("今日小结：会话 12，顾客消息 30，AI 解答率 83%，排队 2",
                StaffNotices.word("zh-CN", summary.key().name(), summary.params()));
    }

    @Test
    void values_are_put_in_as_they_are_and_an_unknown_language_reads_chinese() {
        StaffMessage failed = StaffMessage.ruleFailed("发票 $1 {rule}", "timeout \\ 30 s");
        assertEquals("自动化「发票 $1 {rule}」执行失败：timeout \\ 30 s",
                StaffNotices.word("fr", failed.key().name(), failed.params()));
        assertEquals("王女士 asks for a person", StaffNotices.word("en", "handoff", Map.of("name", "王女士")));
    }
}
