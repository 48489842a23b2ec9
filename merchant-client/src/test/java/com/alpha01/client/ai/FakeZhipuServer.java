package com.alpha01.client.ai;

import static com.alpha01.protocol.Jsons.JSON;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for ZhipuAI's v4 chat API ({@code POST /api/paas/v4/chat/completions}) on 127.0.0.1 and a
 * free port, speaking its wire format: a Bearer JWT signed (HS256, header {@code sign_type: SIGN}) with the secret
 * half of an {@code id.secret} API key and carrying {@code api_key}, {@code exp} and {@code timestamp} in
 * milliseconds, checked like the real service (401 with code 1001 when missing, 1002 malformed, 1003 expired, 1000
 * for another key or a wrong signature); a plain JSON completion, or
 * {@code data: {chunk}} server-sent events ending in {@code data: [DONE]} when the request says
 * {@code "stream": true}; tool calls; error bodies {@code {"error":{"code":"…","message":"…"}}}.
 * <p>
 * Replies are scripted per test ({@link #enqueue}), in order, one per request that passes the token check; with none
 * queued it answers {@link #defaultReply}. Every request, rejected ones included, is recorded (path, headers, parsed
 * body) for assertions.
 */
public final class FakeZhipuServer implements AutoCloseable {

    /** A key of the real form: id, dot, secret (16+ bytes, as jjwt wants for HS256 here). */
    public static final String API_KEY = "4f1c2d3e5a6b7c8d9e0f.Z3R2d8fK1mQp7XwY";
    public static final String PATH = "/api/paas/v4/chat/completions";

    static {
        // Each SSE chunk is a small write: without TCP_NODELAY, Nagle's algorithm and the client's delayed ACK add
        // ~40 ms to a chunk, which the real service does not, and which would be counted as the client's overhead.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-zhipu");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closing = new CountDownLatch(1);
    private final String keyId;
    private final String secret;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<FakeZhipuRequest> requests = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Reply defaultReply = Reply.text("好的。");

    private FakeZhipuServer(String apiKey) throws IOException {
        int dot = apiKey.indexOf('.');
        this.keyId = apiKey.substring(0, dot);
        this.secret = apiKey.substring(dot + 1);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A server that accepts {@link #API_KEY}. */
    public static FakeZhipuServer start() throws IOException {
        return start(API_KEY);
    }

    /** A server that accepts tokens signed for {@code apiKey} ({@code id.secret}). */
    public static FakeZhipuServer start(String apiKey) throws IOException {
        return new FakeZhipuServer(apiKey);
    }

    /**
     * The base URL as {@code ZhipuAiChatModel}/{@code ZhipuAiStreamingChatModel.builder().baseUrl(…)} want it: the
     * host root; the module appends {@code api/paas/v4/chat/completions}.
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/";
    }

    /** The API base as ZhipuAI's documentation and the settings screen write it ({@code …/api/paas/v4/}). */
    public String apiBaseUrl() {
        return baseUrl() + "api/paas/v4/";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Queues replies for the next requests, in order. */
    public synchronized FakeZhipuServer enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** The reply when nothing is queued. */
    public FakeZhipuServer defaultReply(Reply reply) {
        this.defaultReply = reply;
        return this;
    }

    public synchronized List<FakeZhipuRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized int requestCount() {
        return requests.size();
    }

    public FakeZhipuRequest request(int index) {
        return requests().get(index);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.isEmpty() ? "" : v.get(0)));
            JsonObject body = parse(new String(raw, StandardCharsets.UTF_8));
            FakeZhipuRequest request = new FakeZhipuRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), headers, body, received);
            synchronized (this) {
                requests.add(request);
            }
            if (!"POST".equals(request.method()) || !PATH.equals(request.path())) {
                sendError(exchange, 404, "1222", "API 不存在");
                return;
            }
            String authError = ZhipuTokens.check(headers.get("Authorization"), keyId, secret);
            if (authError != null) {
                sendError(exchange, 401, authError, ZhipuTokens.message(authError));
                return;
            }
            if (body == null || !body.containsKey("messages")
                    || !FakeZhipuWire.toolMessagesAnswerCalls(body.getJsonArray("messages"))) {
                sendError(exchange, 400, "1214", "messages 参数非法。请检查文档。");
                return;
            }
            Reply reply;
            synchronized (this) {
                reply = script.isEmpty() ? defaultReply : script.removeFirst();
            }
            if (!closing.await(reply.delay().toMillis(), TimeUnit.MILLISECONDS)) {
                respond(exchange, request, reply);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (timeout, closed): nothing to answer
        }
    }

    private void respond(HttpExchange exchange, FakeZhipuRequest request, Reply reply) throws IOException {
        if (reply.status() != 200) {
            sendError(exchange, reply.status(), reply.errorCode(), reply.errorMessage());
            return;
        }
        String id = String.format(Locale.ROOT, "2025%016x", ids.incrementAndGet());
        long created = System.currentTimeMillis() / 1000;
        String model = request.body().getString("model", "glm-4-flash");
        JsonObject usage = usage(request, reply);
        if (request.stream()) {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream;charset=UTF-8");
            exchange.getResponseHeaders().add("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (String chunk : FakeZhipuWire.streamChunks(id, created, model, reply, usage)) {
                request.markFirstChunk();
                out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } else {
            request.markFirstChunk();
            send(exchange, 200, FakeZhipuWire.completion(id, created, model, reply, usage).toString());
        }
    }

    private JsonObject usage(FakeZhipuRequest request, Reply reply) {
        int prompt = reply.promptTokens() >= 0 ? reply.promptTokens() : request.promptChars();
        int completion = reply.completionTokens() >= 0 ? reply.completionTokens()
                : String.join("", reply.chunks()).length() + (reply.toolName() == null ? 0 : 10);
        return JSON.createObjectBuilder().add("prompt_tokens", prompt).add("completion_tokens", completion)
                .add("total_tokens", prompt + completion).build();
    }

    private static void sendError(HttpExchange exchange, int status, String code, String message) throws IOException {
        JsonObject error = JSON.createObjectBuilder()
                .add("error", JSON.createObjectBuilder().add("code", code).add("message", message)).build();
        send(exchange, status, error.toString());
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static JsonObject parse(String text) {
        try {
            return JSON.createReader(new StringReader(text)).readObject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** What the fake answers to one request. Build with the static methods, adjust with the {@code with…} ones. */
    public record Reply(int status, List<String> chunks, List<String> reasoning, String toolName, String toolArguments,
                        String errorCode, String errorMessage, Duration delay, int promptTokens, int completionTokens) {

        /** The model's answer; streamed one chunk per argument, or joined in a plain completion. */
        public static Reply text(String... chunks) {
            return new Reply(200, List.of(chunks), List.of(), null, null, null, null, Duration.ZERO, -1, -1);
        }

        /** The model asks for a tool: {@code arguments} is the JSON string the real API puts in {@code function.arguments}. */
        public static Reply toolCall(String name, String arguments) {
            return new Reply(200, List.of(), List.of(), name, arguments, null, null, Duration.ZERO, -1, -1);
        }

        public static Reply error(int status, String code, String message) {
            return new Reply(status, List.of(), List.of(), null, null, code, message, Duration.ZERO, -1, -1);
        }

        /** 429, code 1302: too many concurrent requests (retry later). */
        public static Reply rateLimited() {
            return error(429, "1302", "您当前使用该API的并发数过高，请降低并发，或联系客服增加限额。");
        }

        /** 429, code 1113: the account is in arrears (no use retrying). */
        public static Reply noBalance() {
            return error(429, "1113", "您的账户已欠费，请充值后重试。");
        }

        public static Reply serverError() {
            return error(500, "500", "Internal Error");
        }

        /**
         * Thinking first, as GLM-4.5 and later stream it: {@code reasoning_content} chunks, all but the first without
         * a {@code content} field, before the answer's chunks.
         */
        public Reply withReasoning(String... thoughts) {
            return new Reply(status, chunks, List.of(thoughts), toolName, toolArguments, errorCode, errorMessage, delay,
                    promptTokens, completionTokens);
        }

        /** Waits this long before answering at all (the model's own time to first token). */
        public Reply withDelay(Duration wait) {
            return new Reply(status, chunks, reasoning, toolName, toolArguments, errorCode, errorMessage, wait,
                    promptTokens, completionTokens);
        }

        public Reply withUsage(int prompt, int completion) {
            return new Reply(status, chunks, reasoning, toolName, toolArguments, errorCode, errorMessage, delay, prompt,
                    completion);
        }
    }
}
