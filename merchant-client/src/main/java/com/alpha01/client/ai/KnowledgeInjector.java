package com.alpha01.client.ai;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.injector.ContentInjector;
import java.util.List;

/**
 * Appends the retrieved knowledge to the customer's question, each piece numbered with its source, or says that
 * nothing related was found (so the model hands off rather than guesses).
 */
final class KnowledgeInjector implements ContentInjector {

    static final String HEADER = "可参考的店铺资料：";
    static final String NOTHING_FOUND = "（店铺资料中没有与这个问题相关的内容。）";

    @Override
    public ChatMessage inject(List<Content> contents, ChatMessage message) {
        if (!(message instanceof UserMessage user) || !user.hasSingleText()) {
            return message;
        }
        StringBuilder text = new StringBuilder(user.singleText()).append("\n\n");
        if (contents.isEmpty()) {
            text.append(NOTHING_FOUND);
        } else {
            text.append(HEADER);
            for (int i = 0; i < contents.size(); i++) {
                Content content = contents.get(i);
                text.append('\n').append(i + 1).append(". 《")
                        .append(content.textSegment().metadata().getString(KnowledgeRetriever.SOURCE)).append("》")
                        .append(content.textSegment().text().strip());
            }
        }
        return user.name() == null ? UserMessage.from(text.toString()) : UserMessage.from(user.name(), text.toString());
    }
}
