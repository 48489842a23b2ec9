package com.alpha01.client.ai;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Word rules the answer flow applies without a model: a customer asking for a person, a model unsure of itself, a
 * stored reply that promises a person.
 */
final class CustomerIntent {

    private static final List<String> PERSON_ZH = List.of("人工", "真人", "活人", "店员", "转接", "找客服", "转客服",
            "要客服", "叫客服", "客服在吗", "客服呢", "老板在吗", "找老板", "工作人员");
    private static final Pattern PERSON_EN = Pattern.compile(
            "\\b(human|real person|agent|representative|operator|staff|someone real)\\b");
    private static final List<String> UNSURE = List.of("不知道", "不清楚", "无法回答", "不能回答", "没有相关信息",
            "没有找到相关", "无法确定", "不确定", "暂时无法回答", "i don't know", "i do not know", "not sure",
            "no information");

    /** What a reply says when it hands over: quoting it without the hand-off would promise what nobody does. */
    private static final List<String> PROMISES_PERSON = List.of("已为您通知", "通知店员", "为您转接", "转人工",
            "店员会尽快", "店员马上");

    /** A message that is only a greeting (punctuation, spaces and emoji aside). */
    private static final Pattern GREETING = Pattern.compile(
            "(你好|您好|哈喽|哈啰|嗨|hi|hello|hey|在吗|在不在|有人吗|早|早安|早上好|中午好|下午好|晚上好|老板好|老板在吗)"
                    + "[呀啊哇吖哈嘛呢]*");

    private CustomerIntent() {
    }

    /** The customer only says hello: the answer is a greeting, not a quote from the knowledge base. */
    static boolean isGreeting(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}\\s~～]", "");
        return GREETING.matcher(t).matches();
    }

    /** A stored reply that tells the customer a person is coming (e.g. a FAQ row "好的，已为您通知店员，请稍候。"). */
    static boolean promisesPerson(String reply) {
        return PROMISES_PERSON.stream().anyMatch(reply::contains);
    }

    static boolean asksForPerson(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace("人工智能", "");
        return PERSON_ZH.stream().anyMatch(t::contains) || PERSON_EN.matcher(t).find();
    }

    /** The model's answer admits it does not know. */
    static boolean soundsUnsure(String answer) {
        String t = answer.toLowerCase(Locale.ROOT).replace('’', '\'');
        return UNSURE.stream().anyMatch(t::contains);
    }
}
