package com.alpha01.client.ai;

import com.alpha01.client.kb.KnowledgeSearch;
import dev.langchain4j.community.model.zhipu.ZhipuAiStreamingChatModel;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.rag.DefaultRetrievalAugmentor;
import dev.langchain4j.rag.RetrievalAugmentor;
import dev.langchain4j.service.AiServices;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/** All model wiring in one place: the ZhipuAI streaming model, its retries, retrieval, memory and tools. */
final class AssistantFactory {

    /** Tool rounds per answer: enough for "look up, then hand off", not for a loop. */
    static final int MAX_TOOL_ROUNDS = 4;

    static {
        ToolCallIds.install();
    }

    private AssistantFactory() {
    }

    static ShopAssistant create(AssistantSettings settings, KnowledgeSearch knowledge, ShopTools tools,
                                ChatMemoryProvider memories, List<ChatModelListener> listeners,
                                ScheduledExecutorService scheduler) {
        StreamingChatModel model = new RetryingStreamingModel(zhipu(settings), settings.retry(), scheduler, listeners);
        RetrievalAugmentor augmentor = DefaultRetrievalAugmentor.builder()
                .contentRetriever(new KnowledgeRetriever(knowledge, settings.retrievedEntries(),
                        settings.minRetrievalScore()))
                .contentInjector(new KnowledgeInjector())
                .build();
        return AiServices.builder(ShopAssistant.class)
                .streamingChatModel(model)
                .chatMemoryProvider(memories)
                .retrievalAugmentor(augmentor)
                .storeRetrievedContentInChatMemory(false)
                .tools(tools)
                .maxSequentialToolsInvocations(MAX_TOOL_ROUNDS)
                .hallucinatedToolNameStrategy(request -> ToolExecutionResultMessage.from(request,
                        "没有名为 " + request.name() + " 的工具。"))
                .build();
    }

    /** GLM over HTTP (the module's JDK client, tool results given their ids by {@link ToolCallIds}); temperature, output length and timeouts explicit, no HTTP logging. */
    static StreamingChatModel zhipu(AssistantSettings settings) {
        return ZhipuAiStreamingChatModel.builder()
                .baseUrl(settings.moduleBaseUrl())
                .apiKey(settings.apiKey())
                .model(settings.model())
                .temperature(settings.temperature())
                .maxToken(settings.maxOutputTokens())
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.requestTimeout())
                .logRequests(false)
                .logResponses(false)
                .build();
    }
}
