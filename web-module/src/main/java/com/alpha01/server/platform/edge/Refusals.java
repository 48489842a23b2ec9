package com.alpha01.server.platform.edge;

import com.alpha01.server.platform.api.Correlation;
import com.alpha01.server.platform.api.GlassPage;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The edge's answers when it lets a request go no further: the documented JSON error body for APIs
 * and sockets, a glass page for a browser's navigation. Never anything from the request.
 */
final class Refusals {

    private Refusals() {
    }

    static void rateLimited(HttpServerExchange exchange, Area area, long retryAfterSeconds) throws IOException {
        HttpServletResponse response = response(exchange);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        if (area.json()) {
            json(response, 429, "RATE_LIMITED", "too many requests; retry after " + retryAfterSeconds + " s");
        } else {
            page(response, 429, "RATE_LIMITED", "请求太频繁，请稍后再试。", "Too many requests. Please try again in a moment.");
        }
    }

    static void unauthenticated(HttpServerExchange exchange, String message) throws IOException {
        HttpServletResponse response = response(exchange);
        response.setHeader("WWW-Authenticate", "Bearer");
        json(response, 401, "UNAUTHENTICATED", message);
    }

    static void tooBig(HttpServerExchange exchange, long limit) throws IOException {
        HttpServletResponse response = response(exchange);
        json(response, 413, "BAD_FRAME", "the body is larger than " + limit / 1024 + " KiB");
    }

    static void crossSite(HttpServerExchange exchange) throws IOException {
        json(response(exchange), 403, "FORBIDDEN", "cross-site requests are not accepted");
    }

    /**
     * A plain-HTTP request when the server's public URL is HTTPS: sent to the same path there (301 for
     * GET and HEAD, 308 for the rest, so a method and its body are not turned into a GET). Nothing is
     * answered over plain text, not even an error body.
     */
    static void toHttps(HttpServerExchange exchange, String httpsOrigin) {
        redirectToHttps(exchange, httpsOrigin);
        exchange.endExchange();
    }

    /** The status and {@code Location} of {@link #toHttps}. */
    static void redirectToHttps(HttpServerExchange exchange, String httpsOrigin) {
        String query = exchange.getQueryString();
        // The URI as the client sent it: the request path is rewritten by then (a welcome file, /chat/ → /chat/index.html).
        String path = exchange.getRequestURI();
        if (path.regionMatches(true, 0, "http", 0, 4) && path.indexOf("://") > 0) { // absolute form
            int slash = path.indexOf('/', path.indexOf("://") + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        boolean safe = Methods.GET.equals(exchange.getRequestMethod()) || Methods.HEAD.equals(exchange.getRequestMethod());
        exchange.setStatusCode(safe ? 301 : 308);
        exchange.getResponseHeaders().put(Headers.LOCATION,
                httpsOrigin + (path.startsWith("/") ? path : "/" + path) + (query == null || query.isEmpty() ? "" : "?" + query));
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
    }

    private static HttpServletResponse response(HttpServerExchange exchange) {
        ServletRequestContext context = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
        return (HttpServletResponse) context.getServletResponse();
    }

    /** The body every REST error has: {@code {"error", "message", "correlationId"}}. */
    static void json(HttpServletResponse response, int status, String code, String message) throws IOException {
        String body = Json.createObjectBuilder().add("error", code).add("message", message)
                .add("correlationId", Correlation.newId()).build().toString();
        write(response, status, "application/json", body);
    }

    static void page(HttpServletResponse response, int status, String code, String zh, String en) throws IOException {
        response.setHeader("Content-Security-Policy", GlassPage.POLICY);
        write(response, status, "text/html", GlassPage.html(code, zh, en));
    }

    private static void write(HttpServletResponse response, int status, String type, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body);
    }
}
