package com.alpha01.server.qr.api;

import com.alpha01.server.platform.api.GlassPage;
import com.alpha01.server.platform.edge.RateLimits;
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
 * else gets a friendly page in Chinese and English that reveals nothing about why in detail. Scans
 * are metered before they are judged (D43): per address, per code, and per address again for scans
 * that let nobody in (a forged-token flood is stopped after a few tries); over a limit → 429 and
 * {@code Retry-After}, nothing recorded.
 */
@WebServlet(urlPatterns = "/connect")
public class ConnectServlet extends HttpServlet {

    /** Cookie carrying the scan id (the entry pass) to {@code POST /api/v1/customer/sessions}. */
    public static final String ENTRY_COOKIE = "alpha01_entry";

    @Inject
    ScanService scans;

    /** The deployment's rate limits (D43); none outside a server. */
    RateLimits limits;

    @Override
    public void init() {
        limits = (RateLimits) getServletContext().getAttribute(RateLimits.ATTRIBUTE);
    }

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
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Referrer-Policy", "no-referrer");
        String address = limits == null ? null : req.getRemoteAddr();
        // An exempt address (ALPHA01_RATE_EXEMPT) skips the per-address limits, not the code's.
        boolean metered = limits != null && !limits.exempt(address);
        RateLimits.Decision decision = limits == null ? null : meter(limits, metered ? address : null, req);
        if (decision != null && !decision.allowed()) {
            resp.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            page(resp, ErrorPage.rateLimited());
            return;
        }
        ScanService.ScanResult result = scans.scan(req.getParameter("merchant_id"), req.getParameter("client_id"),
                req.getParameter("token"));
        if (metered && result.verdict() != ScanService.Verdict.ENTER) {
            limits.take(RateLimits.Kind.BAD_SCAN, address);
        }
        if (result.verdict() == ScanService.Verdict.ENTER) {
            resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
            resp.setHeader("Location", req.getContextPath() + "/chat/?scan=" + result.scanId());
            // The sign-in round trip may drop the query string: the entry pass also rides in a cookie.
            resp.addHeader("Set-Cookie", ENTRY_COOKIE + "=" + result.scanId() + "; Path=" + req.getContextPath()
                    + "/api/v1/customer; Max-Age=1800; HttpOnly; SameSite=Lax");
            if (result.shopName() != null) {
                resp.addHeader("Set-Cookie", ShopCookie.of(result.shopName()));
            }
            return;
        }
        page(resp, ErrorPage.forVerdict(result.verdict()));
    }

    /**
     * The first limit this scan is over, or "allowed": the address's, its failed scans', the code's.
     * {@code address} null: not metered by address.
     */
    private static RateLimits.Decision meter(RateLimits limits, String address, HttpServletRequest req) {
        RateLimits.Decision decision = limits.take(RateLimits.Kind.ADDRESS, address);
        if (decision.allowed()) {
            decision = limits.peek(RateLimits.Kind.BAD_SCAN, address);
        }
        if (decision.allowed()) {
            decision = limits.take(RateLimits.Kind.QR, req.getParameter("merchant_id") + "|"
                    + req.getParameter("client_id") + "|" + req.getParameter("token"));
        }
        return decision;
    }

    private static void page(HttpServletResponse resp, ErrorPage page) throws IOException {
        resp.setStatus(page.status());
        resp.setContentType("text/html");
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.setHeader("Content-Security-Policy", GlassPage.POLICY);
        resp.getWriter().write(page.html());
    }
}
