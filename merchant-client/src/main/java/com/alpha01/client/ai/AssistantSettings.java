package com.alpha01.client.ai;

import java.time.Duration;

/**
 * Model wiring for one shop. The API key is ZhipuAI's {@code id.secret} form (from the encrypted settings;
 * absent = degraded answers only). {@code baseUrl} may be the host root ({@code https://open.bigmodel.cn/}) or
 * the API base the settings screen shows ({@code https://open.bigmodel.cn/api/paas/v4/}): see
 * {@link #moduleBaseUrl()}. {@code requestTimeout} bounds each HTTP call up to its response headers;
 * {@code answerTimeout} bounds a whole answer (retries and tool rounds included).
 */
public record AssistantSettings(String apiKey, String baseUrl, String model, double temperature, int maxOutputTokens,
                                Duration connectTimeout, Duration requestTimeout, Duration answerTimeout,
                                RetryPolicy retry, int maxConversations, int memoryMessages,
                                int retrievedEntries, double minRetrievalScore) {

    public static final String DEFAULT_BASE_URL = "https://open.bigmodel.cn/";
    public static final String DEFAULT_MODEL = "glm-4-flash";
    private static final String API_PATH = "api/paas/v4/";

    /** A pasted key loses surrounding white space; a blank one counts as none. */
    public AssistantSettings {
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }

    public static AssistantSettings defaults() {
        return new AssistantSettings(null, DEFAULT_BASE_URL, DEFAULT_MODEL, 0.3, 512, Duration.ofSeconds(5),
                Duration.ofSeconds(20), Duration.ofSeconds(45), RetryPolicy.defaults(), 200, 20, 3, 0.15);
    }

    public AssistantSettings withApiKey(String key) {
        return new AssistantSettings(key, baseUrl, model, temperature, maxOutputTokens, connectTimeout, requestTimeout,
                answerTimeout, retry, maxConversations, memoryMessages, retrievedEntries, minRetrievalScore);
    }

    public AssistantSettings withEndpoint(String url, String modelName) {
        return new AssistantSettings(apiKey, url, modelName, temperature, maxOutputTokens, connectTimeout,
                requestTimeout, answerTimeout, retry, maxConversations, memoryMessages, retrievedEntries,
                minRetrievalScore);
    }

    public AssistantSettings withTimeouts(Duration connect, Duration request, Duration answer) {
        return new AssistantSettings(apiKey, baseUrl, model, temperature, maxOutputTokens, connect, request, answer,
                retry, maxConversations, memoryMessages, retrievedEntries, minRetrievalScore);
    }

    public AssistantSettings withRetry(RetryPolicy policy) {
        return new AssistantSettings(apiKey, baseUrl, model, temperature, maxOutputTokens, connectTimeout,
                requestTimeout, answerTimeout, policy, maxConversations, memoryMessages, retrievedEntries,
                minRetrievalScore);
    }

    /** A key of the form {@code id.secret}, the only form the ZhipuAI module can sign a token with. */
    public boolean hasUsableKey() {
        if (apiKey == null) {
            return false;
        }
        int dot = apiKey.indexOf('.');
        return dot > 0 && dot < apiKey.length() - 1 && apiKey.indexOf('.', dot + 1) < 0;
    }

    /**
     * The base URL as {@code ZhipuAiStreamingChatModel} wants it: it appends {@code api/paas/v4/chat/completions}
     * itself, so a trailing {@code api/paas/v4/} is removed, and a trailing slash ensured.
     */
    public String moduleBaseUrl() {
        String url = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.strip();
        url = url.endsWith("/") ? url : url + "/";
        return url.endsWith(API_PATH) ? url.substring(0, url.length() - API_PATH.length()) : url;
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "AssistantSettings[key=" + (apiKey == null ? "none" : "set") + ", baseUrl=" + baseUrl + ", model=" + model
                + ", temperature=" + temperature + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + ", answerTimeout=" + answerTimeout + ", retry=" + retry + "]";
    }
}
