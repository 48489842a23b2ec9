package com.alpha01.server.platform.edge;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;

/**
 * Runs on every request before the OIDC layer and any servlet (D43):
 * <ol>
 *   <li>the security headers of every response ({@link SecurityHeaders});</li>
 *   <li>the per-address rate limit (429 and {@code Retry-After});</li>
 *   <li>when the public URL is HTTPS, a request over plain HTTP is redirected there (D51), except the
 *       health probes, which a load balancer may ask over HTTP;</li>
 *   <li>API bodies over 1 MiB (413);</li>
 *   <li>staff APIs and the merchant client's socket take a bearer token: a request without one
 *       is answered 401 in JSON, never redirected to sign in. The one exception is the web console's own
 *       calls (D56): a session cookie counts only on a request that says {@code X-Requested-With:
 *       XMLHttpRequest} — a header no other site's page can add without CORS, which this server never
 *       grants — and that the browser does not mark as coming from another site (so a cross-site page
 *       still cannot act with a signed-in staff member's cookie);</li>
 *   <li>the chat page's API (cookie-authenticated) refuses state-changing calls from another site
 *       ({@code Origin} or {@code Sec-Fetch-Site}), and answers 401 in JSON to a caller with no session.</li>
 * </ol>
 * {@code /connect} is metered where the scan is judged ({@code ConnectServlet}), which answers with a page;
 * the chat page's static files are not metered (a shop's Wi-Fi full of customers loads them at once).
 */
final class EdgeGuard implements HttpHandler {

    /**
     * The largest body an API call may declare (every call's JSON is a few hundred bytes): refused 413
     * in JSON before anything reads it; a body that does not declare its length meets the listener's
     * own {@code max-post-size} (10 MB).
     */
    static final long MAX_BODY_BYTES = 1024 * 1024;

    private static final HttpString ORIGIN = new HttpString("Origin");
    private static final HttpString FETCH_SITE = new HttpString("Sec-Fetch-Site");
    private static final HttpString REQUESTED_WITH = new HttpString("X-Requested-With");

    private final HttpHandler next;
    private final RateLimits limits;
    private final String sessionCookie;
    private final String publicAuthority;
    private final String httpsOrigin;

    /**
     * @param publicAuthority host and port of the server's public URL ({@code ALPHA01_PUBLIC_URL}), also
     *                        accepted as the chat page's origin behind a proxy that rewrites {@code Host}
     * @param httpsOrigin     {@code https://host:port} of the public URL when it is HTTPS, else null
     */
    EdgeGuard(HttpHandler next, RateLimits limits, String sessionCookie, String publicAuthority, String httpsOrigin) {
        this.next = next;
        this.limits = limits;
        this.sessionCookie = sessionCookie;
        this.publicAuthority = publicAuthority;
        this.httpsOrigin = httpsOrigin;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Area area = Area.of(exchange.getRelativePath());
        SecurityHeaders.apply(exchange, area);
        if (area != Area.CONNECT && area != Area.ASSET) {
            String address = address(exchange);
            if (!limits.exempt(address)) {
                RateLimits.Decision decision = limits.take(RateLimits.Kind.ADDRESS, address);
                if (!decision.allowed()) {
                    Refusals.rateLimited(exchange, area, decision.retryAfterSeconds());
                    return;
                }
            }
        }
        // After the address limit: a flood over plain HTTP is metered like any other.
        if (httpsOrigin != null && !exchange.isSecure() && !Area.probe(exchange.getRelativePath())) {
            Refusals.toHttps(exchange, httpsOrigin);
            return;
        }
        if (area.json() && exchange.getRequestContentLength() > MAX_BODY_BYTES) {
            Refusals.tooBig(exchange, MAX_BODY_BYTES);
            return;
        }
        if (area == Area.CLIENT_SOCKET && !bearer(exchange)
                || area == Area.STAFF_API && !bearer(exchange)
                && !consoleCall(exchange.getRequestCookie(sessionCookie) != null, exchange, publicAuthority)) {
            Refusals.unauthenticated(exchange, "a bearer access token is required (Authorization: Bearer …)");
            return;
        }
        if (area == Area.CUSTOMER_API) {
            if (unsafe(exchange.getRequestMethod()) && crossSite(exchange, publicAuthority)) {
                Refusals.crossSite(exchange);
                return;
            }
            if (!bearer(exchange) && exchange.getRequestCookie(sessionCookie) == null) {
                Refusals.unauthenticated(exchange, "sign in on the chat page first");
                return;
            }
        }
        next.handleRequest(exchange);
    }

    /** The caller's address (the client's, when the listener has proxy-address-forwarding on). */
    static String address(HttpServerExchange exchange) {
        InetSocketAddress source = exchange.getSourceAddress();
        return source == null || source.getAddress() == null ? "unknown" : source.getAddress().getHostAddress();
    }

    /** The web console's own call: its session cookie, the header only a same-origin script sends, not cross-site. */
    static boolean consoleCall(boolean session, HttpServerExchange exchange, String publicAuthority) {
        return session && "XMLHttpRequest".equals(exchange.getRequestHeaders().getFirst(REQUESTED_WITH))
                && !crossSite(exchange, publicAuthority);
    }

    static boolean bearer(HttpServerExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && authorization.length() > 7;
    }

    private static boolean unsafe(HttpString method) {
        return !(Methods.GET.equals(method) || Methods.HEAD.equals(method) || Methods.OPTIONS.equals(method));
    }

    /**
     * A browser names the page that made the request: {@code Origin} on every state-changing call, and
     * {@code Sec-Fetch-Site}. Either one from another host than this request's is cross-site. A caller
     * that sends neither is not a browser acting for someone else.
     */
    static boolean crossSite(HttpServerExchange exchange, String publicAuthority) {
        String site = exchange.getRequestHeaders().getFirst(FETCH_SITE);
        if (site != null && site.toLowerCase(Locale.ROOT).equals("cross-site")) {
            return true;
        }
        String origin = exchange.getRequestHeaders().getFirst(ORIGIN);
        if (origin == null) {
            return false;
        }
        String from = authority(origin);
        if (from == null) {
            return true;
        }
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        return !from.equalsIgnoreCase(host) && !from.equalsIgnoreCase(publicAuthority);
    }

    /** {@code https://shop.example:8443} → {@code shop.example:8443}; {@code null} for "null" or garbage. */
    static String authority(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            return uri.getScheme() == null ? null : uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
