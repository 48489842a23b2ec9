package com.alpha01.client.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.alpha01.client.ai.FakeZhipuServer.Reply;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.community.model.zhipu.ZhipuAiChatModel;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tool results go to ZhipuAI with the id of the call they answer, which the module leaves out. */
class ToolCallIdsTest {

    private static final String TWO_CALLS = "{\"model\":\"glm-4-flash\",\"temperature\":0.3,\"messages\":["
            + "{\"role\":\"user\",\"content\":\"A1 和 B2 到哪了\"},"
            + "{\"role\":\"assistant\",\"tool_calls\":["
            + "{\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"orderStatus\",\"arguments\":\"{}\"}},"
            + "{\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"orderStatus\",\"arguments\":\"{}\"}}]},"
            + "{\"role\":\"tool\",\"content\":\"A1 已发货\"},"
            + "{\"role\":\"tool\",\"content\":\"B2 待发货\"},"
            + "{\"role\":\"assistant\",\"tool_calls\":["
            + "{\"id\":\"call_c\",\"type\":\"function\",\"function\":{\"name\":\"businessHours\",\"arguments\":\"{}\"}}]},"
            + "{\"role\":\"tool\",\"content\":\"9:00–21:00\"}]}";

    @Test
    void should_pair_each_result_with_the_calls_of_the_assistant_message_before_it_in_order() {
        JsonObject repaired = Json.createReader(new StringReader(ToolCallIds.repair(TWO_CALLS))).readObject();

        List<String> ids = repaired.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(m -> "tool".equals(m.getString("role"))).map(m -> m.getString("tool_call_id")).toList();
        assertEquals(List.of("call_a", "call_b", "call_c"), ids);
        assertEquals("A1 已发货", repaired.getJsonArray("messages").getJsonObject(2).getString("content"));
        assertEquals("0.3", repaired.getJsonNumber("temperature").toString(), "the rest of the request unchanged");
    }

    @Test
    void should_leave_requests_alone_that_need_nothing() {
        String plain = "{\"messages\":[{\"role\":\"user\",\"content\":\"你好\"}]}";
        String withIds = "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_a\"}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_a\",\"content\":\"x\"}]}";

        assertSame(plain, ToolCallIds.repair(plain));
        assertSame(withIds, ToolCallIds.repair(withIds));
        assertEquals("not json \"tool\"", ToolCallIds.repair("not json \"tool\""));
        assertEquals(null, ToolCallIds.repair(null));
    }

    @Test
    void should_send_the_id_through_the_module_to_the_v4_api() throws Exception {
        ToolCallIds.install();
        try (FakeZhipuServer fake = FakeZhipuServer.start()) {
            fake.enqueue(Reply.text("A1 已发货。"));
            ToolExecutionRequest call = ToolExecutionRequest.builder().id("call_7").name("orderStatus")
                    .arguments("{\"orderNumber\":\"A1\"}").build();
            ZhipuAiChatModel model = ZhipuAiChatModel.builder().baseUrl(fake.baseUrl())
                    .apiKey(FakeZhipuServer.API_KEY).model("glm-4-flash").maxRetries(1).build();

            String answer = model.chat(ChatRequest.builder().messages(UserMessage.from("A1 到哪了"),
                    AiMessage.from(call), ToolExecutionResultMessage.from(call, "已发货")).build()).aiMessage().text();

            assertEquals("A1 已发货。", answer);
            assertEquals(List.of("call_7"), fake.request(0).toolCallIds());
        }
    }
}
