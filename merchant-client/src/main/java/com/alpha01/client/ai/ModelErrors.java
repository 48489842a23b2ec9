package com.alpha01.client.ai;

import dev.langchain4j.community.model.zhipu.ZhipuAiException;
import dev.langchain4j.exception.HttpException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.Set;

/**
 * What a failed model call means. The ZhipuAI module turns an HTTP error into a {@link ZhipuAiException} with
 * the business code of the response body ({@code {"error":{"code":"1302",…}}}) and drops the HTTP status, so the
 * code decides: rate limits and server errors are retried, authentication (1000–1004), arrears (1113), policy
 * blocks (1301) and bad requests (12xx) are not.
 */
final class ModelErrors {

    /** 1302/1303 concurrency and rate limits, 1305 overloaded, 1230/1234 transient platform errors, 5xx. */
    private static final Set<String> RETRYABLE_CODES = Set.of("1302", "1303", "1305", "1230", "1234");

    private ModelErrors() {
    }

    static boolean retryable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ZhipuAiException z) {
                String code = z.getCode() == null ? "" : z.getCode();
                return RETRYABLE_CODES.contains(code) || code.matches("5\\d\\d") || code.equals("429");
            }
            if (t instanceof HttpException h) {
                return h.statusCode() == 429 || h.statusCode() >= 500;
            }
            if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** A short description for the log: the ZhipuAI code and message, or the exception type (never a body with secrets). */
    static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ZhipuAiException z) {
                return "ZhipuAI " + z.getCode() + " " + z.getMessage();
            }
            if (t instanceof HttpException h) {
                return "HTTP " + h.statusCode();
            }
            if (t.getCause() == null) {
                return t.getClass().getSimpleName();
            }
        }
        return "unknown";
    }
}
