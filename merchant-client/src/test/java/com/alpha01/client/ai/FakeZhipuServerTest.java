package com.alpha01.client.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.ai.FakeZhipuServer.Reply;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.community.model.zhipu.ZhipuAiChatModel;
import dev.langchain4j.community.model.zhipu.ZhipuAiException;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake itself, against the community module's blocking model and a raw HTTP client. */
class FakeZhipuServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private FakeZhipuServer fake;

    @BeforeEach
    void start() throws Exception {
        ToolCallIds.install(); // as the app runs the module: two HTTP client factories on the classpath
        fake = FakeZhipuServer.start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private ZhipuAiChatModel model(String apiKey) {
        return ZhipuAiChatModel.builder().baseUrl(fake.baseUrl()).apiKey(apiKey).model("glm-4-flash").maxRetries(1)
                .build();
    }

    @Test
    void should_answer_a_plain_json_completion_the_module_understands() {
        fake.enqueue(Reply.text("你好", "，有什么可以帮您？").withUsage(12, 8));

        ChatResponse response = model(FakeZhipuServer.API_KEY).chat(ChatRequest.builder()
                .messages(UserMessage.from("你好")).build());

        assertEquals("你好，有什么可以帮您？", response.aiMessage().text());
        assertEquals(20, response.tokenUsage().totalTokenCount());
        assertEquals(false, fake.request(0).stream());
    }

    @Test
    void should_answer_a_tool_call_in_a_plain_completion() {
        fake.enqueue(Reply.toolCall("orderStatus", "{\"orderNumber\":\"A1\"}"));
        ToolSpecification tool = ToolSpecification.builder().name("orderStatus")
                .parameters(JsonObjectSchema.builder().addStringProperty("orderNumber").build()).build();

        ChatResponse response = model(FakeZhipuServer.API_KEY).chat(ChatRequest.builder()
                .messages(UserMessage.from("A1 到哪了")).toolSpecifications(tool).build());

        ToolExecutionRequest call = response.aiMessage().toolExecutionRequests().get(0);
        assertEquals("orderStatus", call.name());
        assertEquals("{\"orderNumber\":\"A1\"}", call.arguments());
        assertTrue(call.id().startsWith("call_"));
    }

    @Test
    void should_reject_a_token_signed_with_another_secret_with_code_1000() {
        String wrong = FakeZhipuServer.API_KEY.substring(0, FakeZhipuServer.API_KEY.indexOf('.')) + ".0123456789abcdefXYZ";

        ZhipuAiException error = assertThrows(ZhipuAiException.class,
                () -> model(wrong).chat(ChatRequest.builder().messages(UserMessage.from("你好")).build()));

        assertEquals("1000", error.getCode());
    }

    @Test
    void should_answer_401_with_zhipu_error_bodies_for_missing_or_expired_tokens() throws Exception {
        HttpResponse<String> missing = post(null);
        assertEquals(401, missing.statusCode());
        assertEquals("1001", error(missing).getString("code"));

        long past = System.currentTimeMillis() - 60_000;
        HttpResponse<String> expired = post("Bearer " + token(past));
        assertEquals(401, expired.statusCode());
        assertEquals("1003", error(expired).getString("code"));
        assertTrue(error(expired).getString("message").contains("过期"));

        HttpResponse<String> valid = post("Bearer " + token(System.currentTimeMillis() + 60_000));
        assertEquals(200, valid.statusCode());
    }

    @Test
    void should_answer_the_scripted_error_with_its_status_and_code() throws Exception {
        fake.enqueue(Reply.rateLimited());

        HttpResponse<String> response = post("Bearer " + token(System.currentTimeMillis() + 60_000));

        assertEquals(429, response.statusCode());
        assertEquals("1302", error(response).getString("code"));
    }

    @Test
    void should_stream_chunks_with_usage_in_the_last_and_end_with_done() throws Exception {
        fake.enqueue(Reply.text("你", "好"));

        HttpResponse<String> response = post("Bearer " + token(System.currentTimeMillis() + 60_000), true);

        assertEquals("text/event-stream;charset=UTF-8", response.headers().firstValue("Content-Type").orElseThrow());
        String[] events = response.body().split("\n\n");
        assertEquals(4, events.length);
        assertEquals("你", chunk(events[0]).getJsonArray("choices").getJsonObject(0).getJsonObject("delta")
                .getString("content"));
        JsonObject last = chunk(events[2]);
        assertEquals("stop", last.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
        assertTrue(last.getJsonObject("usage").getInt("total_tokens") > 0);
        assertEquals("data: [DONE]", events[3]);
    }

    @Test
    void should_reject_a_tool_result_that_does_not_name_a_call_of_the_message_before_it() throws Exception {
        fake.defaultReply(Reply.text("好的"));
        String bearer = "Bearer " + token(System.currentTimeMillis() + 60_000);
        String call = "{\"role\":\"user\",\"content\":\"A1 到哪了\"},{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"orderStatus\",\"arguments\":\"{}\"}}]},";

        HttpResponse<String> without = post(bearer, "[" + call + "{\"role\":\"tool\",\"content\":\"已发货\"}]");
        HttpResponse<String> other = post(bearer,
                "[" + call + "{\"role\":\"tool\",\"tool_call_id\":\"call_2\",\"content\":\"已发货\"}]");
        HttpResponse<String> paired = post(bearer,
                "[" + call + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"已发货\"}]");

        assertEquals(400, without.statusCode());
        assertEquals("1214", error(without).getString("code"));
        assertEquals(400, other.statusCode());
        assertEquals(200, paired.statusCode(), paired.body());
    }

    private HttpResponse<String> post(String authorization) throws Exception {
        return post(authorization, false);
    }

    private HttpResponse<String> post(String authorization, boolean stream) throws Exception {
        return post(authorization, stream, "[{\"role\":\"user\",\"content\":\"你好\"}]");
    }

    private HttpResponse<String> post(String authorization, String messages) throws Exception {
        return post(authorization, false, messages);
    }

    private HttpResponse<String> post(String authorization, boolean stream, String messages) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.apiBaseUrl() + "chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"glm-4-flash\",\"stream\":" + stream
                        + ",\"messages\":" + messages + "}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonObject error(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject().getJsonObject("error");
    }

    private static JsonObject chunk(String event) {
        return Json.createReader(new StringReader(event.substring("data: ".length()))).readObject();
    }

    /** A token as ZhipuAI documents it, made by hand (not by the module under test). */
    private static String token(long expiresMillis) throws Exception {
        String key = FakeZhipuServer.API_KEY;
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"sign_type\":\"SIGN\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"api_key\":\"" + key.substring(0, key.indexOf('.')) + "\",\"exp\":"
                + expiresMillis + ",\"timestamp\":" + (expiresMillis - 1000) + "}").getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.substring(key.indexOf('.') + 1).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return header + "." + claims + "." + b64.encodeToString(mac.doFinal((header + "." + claims)
                .getBytes(StandardCharsets.US_ASCII)));
    }
}
