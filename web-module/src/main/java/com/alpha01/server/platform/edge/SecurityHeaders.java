package com.alpha01.server.platform.edge;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/**
 * The headers every response carries, set before anything answers (so refusals carry them too); a
 * servlet that knows better (the glass pages, {@code /connect}) replaces them with its own:
 * <ul>
 *   <li>a Content-Security-Policy: pages and their files load only from this server, scripts only as
 *       files (no inline script), sockets only to this server, and no page may be framed; an API answer
 *       loads nothing but its own inline style (the printable QR sheet);</li>
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} for browsers without
 *       {@code frame-ancestors}, {@code Referrer-Policy: same-origin} (a chat URL's scan id never
 *       leaves this server);</li>
 *   <li>under TLS, {@code Strict-Transport-Security} for a year;</li>
 *   <li>cookies {@code SameSite=Lax}, and {@code Secure} under TLS ({@link #cookies(Iterable, boolean)}).</li>
 * </ul>
 */
final class SecurityHeaders {

    static final HttpString CSP = new HttpString("Content-Security-Policy");
    static final HttpString NOSNIFF = new HttpString("X-Content-Type-Options");
    static final HttpString FRAME_OPTIONS = new HttpString("X-Frame-Options");
    static final HttpString REFERRER_POLICY = new HttpString("Referrer-Policy");
    static final HttpString HSTS = new HttpString("Strict-Transport-Security");

    static final String API_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private SecurityHeaders() {
    }

    static void apply(HttpServerExchange exchange, Area area) {
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(CSP, area.json() ? API_POLICY : pagePolicy(exchange));
        headers.put(NOSNIFF, "nosniff");
        headers.put(FRAME_OPTIONS, "DENY");
        headers.put(REFERRER_POLICY, "same-origin");
        if (exchange.isSecure()) {
            headers.put(HSTS, "max-age=31536000");
        }
        exchange.addResponseCommitListener(ex -> cookies(ex.responseCookies(), ex.isSecure()));
    }

    /**
     * Every cookie set on the way out (the session's, the OIDC sign-in's state and verifier) is
     * {@code SameSite=Lax} unless it says otherwise — sent on the top-level return from Keycloak, never on
     * another site's request — and {@code Secure} under TLS.
     */
    static void cookies(Iterable<Cookie> cookies, boolean secure) {
        for (Cookie cookie : cookies) {
            if (cookie.getSameSiteMode() == null) {
                cookie.setSameSiteMode("Lax");
            }
            if (secure) {
                cookie.setSecure(true);
            }
        }
    }

    /**
     * A page's policy. {@code 'self'} covers this server's own {@code ws:}/{@code wss:} in CSP 3; the
     * socket's origin is named as well for browsers that read {@code 'self'} as http(s) only.
     */
    static String pagePolicy(HttpServerExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        String socket = host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]+") ? ""
                : " " + (exchange.isSecure() ? "wss://" : "ws://") + host;
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'"
                + socket + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
