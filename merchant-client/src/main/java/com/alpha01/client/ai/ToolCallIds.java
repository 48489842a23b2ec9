package com.alpha01.client.ai;

import static com.alpha01.protocol.Jsons.JSON;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderFactory;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Puts {@code tool_call_id} on the tool results the ZhipuAI module sends. Its message mapper
 * (langchain4j-community-zhipu-ai 1.13.0-beta23) builds {@code {"role":"tool","content":…}} without the
 * id, though the v4 API pairs each tool message with one of the preceding assistant message's
 * {@code tool_calls}. LangChain4j adds results in the order of the calls, so the n-th tool message
 * after an assistant message answers its n-th call.
 *
 * <p>The module reaches HTTP only through LangChain4j's {@link HttpClientBuilderFactory} SPI, so this is
 * such a factory (the JDK client, wrapped); {@link #install()} selects it by the
 * {@code langchain4j.http.clientBuilderFactory} system property. Requests without tool messages, or whose
 * tool messages already carry an id, go out unchanged.
 */
public final class ToolCallIds implements HttpClientBuilderFactory {

    static final String FACTORY_PROPERTY = "langchain4j.http.clientBuilderFactory";

    /** Selects this factory for LangChain4j's HTTP clients, unless someone chose one already. */
    static void install() {
        if (System.getProperty(FACTORY_PROPERTY) == null) {
            System.setProperty(FACTORY_PROPERTY, ToolCallIds.class.getName());
        }
    }

    @Override
    public HttpClientBuilder create() {
        return new Builder();
    }

    /** The request body with ids filled in, or the same string when nothing needed them (or it is not JSON). */
    static String repair(String body) {
        if (body == null || !body.contains("\"tool\"")) {
            return body;
        }
        JsonObject request;
        try (var reader = JSON.createReader(new StringReader(body))) {
            request = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return body;
        }
        JsonValue messages = request.get("messages");
        if (!(messages instanceof JsonArray list)) {
            return body;
        }
        boolean changed = false;
        Deque<String> unanswered = new ArrayDeque<>();
        JsonArrayBuilder repaired = JSON.createArrayBuilder();
        for (JsonValue value : list) {
            if (!(value instanceof JsonObject message)) {
                repaired.add(value);
                continue;
            }
            String role = message.getString("role", "");
            if ("assistant".equals(role)) {
                unanswered.clear();
                for (JsonValue call : message.getJsonArray("tool_calls") == null ? JsonValue.EMPTY_JSON_ARRAY
                        : message.getJsonArray("tool_calls")) {
                    if (call instanceof JsonObject c && c.containsKey("id")) {
                        unanswered.add(c.getString("id"));
                    }
                }
            } else if ("tool".equals(role)) {
                if (message.containsKey("tool_call_id")) {
                    unanswered.remove(message.getString("tool_call_id", ""));
                } else if (!unanswered.isEmpty()) {
                    message = JSON.createObjectBuilder(message).add("tool_call_id", unanswered.poll()).build();
                    changed = true;
                }
            }
            repaired.add(message);
        }
        return changed ? JSON.createObjectBuilder(request).add("messages", repaired).build().toString() : body;
    }

    private static HttpRequest repaired(HttpRequest request) {
        String body = repair(request.body());
        if (body == null || body.equals(request.body())) {
            return request;
        }
        return HttpRequest.builder().method(request.method()).url(request.url()).headers(request.headers())
                .body(body).build();
    }

    /** The JDK client's builder; what it builds is wrapped. */
    private static final class Builder implements HttpClientBuilder {

        private final HttpClientBuilder jdk = JdkHttpClient.builder();

        @Override
        public Duration connectTimeout() {
            return jdk.connectTimeout();
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            jdk.connectTimeout(timeout);
            return this;
        }

        @Override
        public Duration readTimeout() {
            return jdk.readTimeout();
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            jdk.readTimeout(timeout);
            return this;
        }

        @Override
        public HttpClient build() {
            HttpClient client = jdk.build();
            return new HttpClient() {
                @Override
                public SuccessfulHttpResponse execute(HttpRequest request) {
                    return client.execute(repaired(request));
                }

                @Override
                public void execute(HttpRequest request, ServerSentEventParser parser,
                                    ServerSentEventListener listener) {
                    client.execute(repaired(request), parser, listener);
                }
            };
        }
    }
}
