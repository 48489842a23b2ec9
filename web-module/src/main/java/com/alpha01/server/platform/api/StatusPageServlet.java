package com.alpha01.server.platform.api;

import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The body of a 401 or 403 the container itself answers (an expired or forged bearer token, a role
 * the caller lacks): for the APIs and sockets the documented JSON error, for pages a glass page. Set
 * as the error page for those statuses in {@code web.xml}; never anything from the request.
 */
@WebServlet(urlPatterns = StatusPageServlet.PATH)
public class StatusPageServlet extends HttpServlet {

    static final String PATH = "/status-page";

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String u && u.startsWith(req.getContextPath())
                ? u.substring(req.getContextPath().length()) : "";
        resp.setStatus(status);
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.setHeader("Cache-Control", "no-store");
        if (path.startsWith("/api/") || path.startsWith("/ws/")) {
            resp.setContentType("application/json");
            resp.getWriter().write(Json.createObjectBuilder().add("error", UnexpectedExceptionMapper.code(status))
                    .add("message", message(status)).add("correlationId", Correlation.newId()).build().toString());
            return;
        }
        resp.setContentType("text/html");
        resp.setHeader("Content-Security-Policy", GlassPage.POLICY);
        resp.getWriter().write(switch (status) {
            case 401 -> GlassPage.html("UNAUTHENTICATED", "请先登录。", "Please sign in first.");
            case 403 -> GlassPage.html("FORBIDDEN", "您的账号不能打开这个页面。", "Your account may not open this page.");
            default -> GlassPage.html("NOT_FOUND", "找不到这个页面。", "This page does not exist.");
        });
    }

    private static String message(int status) {
        return switch (status) {
            case 401 -> "a valid bearer access token is required";
            case 403 -> "the caller's roles do not allow this call";
            default -> "not found";
        };
    }
}
