package com.alpha01.client.browser;

import static com.alpha01.protocol.Jsons.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.cef.browser.CefBrowser;
import org.cef.browser.CefFrame;
import org.cef.callback.CefQueryCallback;
import org.cef.handler.CefMessageRouterHandlerAdapter;

/**
 * Runs a piece of JavaScript in the page and returns its result as a string, back through the
 * same message router (requests starting with {@value #PREFIX}); used by tests and diagnostics.
 */
final class ScriptEvaluator extends CefMessageRouterHandlerAdapter {

    static final String PREFIX = "alpha01.eval:";

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<String>> pending = new ConcurrentHashMap<>();

    /**
     * Runs {@code functionBody} as the body of an async function (so it may {@code await} and must
     * {@code return} its value). Completes with {@code String(value)}, or {@code null} for
     * undefined/null, or exceptionally with the script's error.
     */
    CompletableFuture<String> evaluate(CefBrowser browser, String functionBody) {
        long id = ids.incrementAndGet();
        CompletableFuture<String> result = new CompletableFuture<>();
        pending.put(id, result);
        result.whenComplete((value, error) -> pending.remove(id));
        String js = "(async () => {\n" + functionBody + "\n})()"
                + ".then(v => ({ok: true, value: v === undefined || v === null ? null : String(v)}),"
                + " e => ({ok: false, value: String((e && e.stack) || e)}))"
                + ".then(r => window.cefQuery({request: '" + PREFIX + id + ":' + JSON.stringify(r),"
                + " onSuccess() {}, onFailure() {}}));";
        browser.executeJavaScript(js, "alpha01://evaluate", 1);
        return result;
    }

    void cancelAll() {
        pending.values().forEach(f -> f.cancel(false));
    }

    @Override
    public boolean onQuery(CefBrowser browser, CefFrame frame, long queryId, String request, boolean persistent,
            CefQueryCallback callback) {
        if (request == null || !request.startsWith(PREFIX)) {
            return false;
        }
        int colon = request.indexOf(':', PREFIX.length());
        CompletableFuture<String> future = colon < 0 ? null
                : pending.get(parseId(request.substring(PREFIX.length(), colon)));
        if (future != null) {
            try (JsonReader reader = JSON.createReader(new StringReader(request.substring(colon + 1)))) {
                JsonObject r = reader.readObject();
                JsonValue value = r.get("value");
                String text = value instanceof JsonString s ? s.getString() : null;
                if (r.getBoolean("ok", false)) {
                    future.complete(text);
                } else {
                    future.completeExceptionally(new IllegalStateException("script failed: " + text));
                }
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        }
        callback.success("");
        return true;
    }

    private static long parseId(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
