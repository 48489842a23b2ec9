package com.alpha01.server.qr.api;

import com.alpha01.server.qr.application.ScanService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /connect?merchant_id&client_id&token}: the URL inside every QR code. Judges and
 * records the scan; a valid one goes on to the chat page (which signs the customer in), anything
 * else gets a friendly page in Chinese and English that reveals nothing about why in detail.
 */
@WebServlet(urlPatterns = "/connect")
public class ConnectServlet extends HttpServlet {

    /** Cookie carrying the scan id (the entry pass) to {@code POST /api/v1/customer/sessions}. */
    public static final String ENTRY_COOKIE = "alpha01_entry";

    @Inject
    ScanService scans;

    /** Asked what it allows (a browser's or a scanner's probe): not a scan, nothing recorded. */
    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("Allow", "GET, HEAD, OPTIONS");
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** TRACE would echo the request (cookies included) back: refused. */
    @Override
    protected void doTrace(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Allow", "GET, HEAD, OPTIONS");
        resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ScanService.ScanResult result = scans.scan(req.getParameter("merchant_id"), req.getParameter("client_id"),
                req.getParameter("token"));
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Referrer-Policy", "no-referrer");
        if (result.verdict() == ScanService.Verdict.ENTER) {
            resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
            resp.setHeader("Location", req.getContextPath() + "/chat/?scan=" + result.scanId());
            // The sign-in round trip may drop the query string: the entry pass also rides in a cookie.
            resp.addHeader("Set-Cookie", ENTRY_COOKIE + "=" + result.scanId() + "; Path=" + req.getContextPath()
                    + "/api/v1/customer; Max-Age=1800; HttpOnly; SameSite=Lax");
            return;
        }
        ErrorPage page = ErrorPage.forVerdict(result.verdict());
        resp.setStatus(page.status());
        resp.setContentType("text/html");
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        resp.getWriter().write(page.html());
    }
}
