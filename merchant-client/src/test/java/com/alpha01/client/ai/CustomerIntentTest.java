package com.alpha01.client.ai;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerIntentTest {

    @ParameterizedTest
    @ValueSource(strings = {"转人工", "我要找真人", "请让店员联系我", "叫客服来", "客服在吗？", "Can I talk to a human?",
            "I want an AGENT please", "人工服务"})
    void should_recognise_a_request_for_a_person(String text) {
        assertTrue(CustomerIntent.asksForPerson(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"你们是人工智能吗？", "客服电话多少？", "可以退货吗", "What are your opening hours?"})
    void should_not_mistake_other_questions_for_a_request_for_a_person(String text) {
        assertFalse(CustomerIntent.asksForPerson(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"抱歉，我不清楚。", "这个我不知道", "Sorry, I don't know.", "I'm not sure about that"})
    void should_recognise_an_answer_that_admits_not_knowing(String text) {
        assertTrue(CustomerIntent.soundsUnsure(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"满99元包邮。", "我们每天 9:00–21:00 营业。"})
    void should_take_a_plain_answer_as_sure(String text) {
        assertFalse(CustomerIntent.soundsUnsure(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"你好", "您好！", "你好呀~", "Hi", "hello!!", "在吗？", "老板在吗", "早上好 😊", "哈喽"})
    void should_recognise_a_message_that_only_greets(String text) {
        assertTrue(CustomerIntent.isGreeting(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"你好，可以退货吗", "您好请问几点关门", "hi, do you deliver?", "在吗 想订个蛋糕", "早餐有什么"})
    void should_not_take_a_question_for_a_greeting(String text) {
        assertFalse(CustomerIntent.isGreeting(text));
    }
}
