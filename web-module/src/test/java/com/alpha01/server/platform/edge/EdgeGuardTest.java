package com.alpha01.server.platform.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import org.junit.jupiter.api.Test;

class EdgeGuardTest {

    private static HttpServerExchange request(String... headers) {
        HttpServerExchange exchange = new HttpServerExchange(null);
        for (int i = 0; i < headers.length; i += 2) {
            exchange.getRequestHeaders().add(new HttpString(headers[i]), headers[i + 1]);
        }
        return exchange;
    }

    @Test
    void paths_fall_into_their_areas() {
        assertEquals(Area.CONNECT, Area.of("/connect"));
        assertEquals(Area.CUSTOMER_API, Area.of("/api/v1/customer/sessions"));
        assertEquals(Area.PUBLIC_API, Area.of("/api/v1/health"));
        assertEquals(Area.PUBLIC_API, Area.of("/api/v1/health/live"));
        assertEquals(Area.PUBLIC_API, Area.of("/api/v1/health/ready"));
        assertEquals(Area.STAFF_API, Area.of("/api/v1/health/ready/../../qr-codes"));
        assertEquals(Area.PUBLIC_API, Area.of("/api/v1/client-release"));
        assertEquals(Area.STAFF_API, Area.of("/api/v1/qr-codes/1/revoke"));
        assertEquals(Area.STAFF_API, Area.of("/api/v1/customers-of-another-kind"), "only the customer/ folder is the page's");
        assertEquals(Area.STAFF_API, Area.of("/api/v2/anything"));
        assertEquals(Area.STAFF_API, Area.of("/api/v1/health/../qr-codes"), "only the exact public paths are public");
        assertEquals(Area.CLIENT_SOCKET, Area.of("/ws/client"));
        assertEquals(Area.CUSTOMER_SOCKET, Area.of("/ws/customer"));
        assertEquals(Area.PAGE, Area.of("/chat/index.html"));
        assertEquals(Area.PAGE, Area.of("/chat/"));
        assertEquals(Area.ASSET, Area.of("/chat/js/main.js"));
        assertEquals(Area.ASSET, Area.of("/chat/css/chat.css"));
        assertEquals(Area.PAGE, Area.of("/chat/../api/v1/x.js"), "no dot segments in an asset's path");
        assertEquals(Area.PAGE, Area.of(null));
    }

    @Test
    void only_a_bearer_authorization_with_a_token_counts() {
        assertTrue(EdgeGuard.bearer(request("Authorization", "Bearer abc")));
        assertTrue(EdgeGuard.bearer(request("Authorization", "bearer abc")));
        assertFalse(EdgeGuard.bearer(request("Authorization", "Bearer ")));
        assertFalse(EdgeGuard.bearer(request("Authorization", "Basic YTpi")));
        assertFalse(EdgeGuard.bearer(request()));
    }

    @Test
    void a_session_cookie_counts_on_a_staff_api_only_for_the_consoles_own_same_site_calls() {
        HttpServerExchange console = request("Host", "shop.example", "Origin", "https://shop.example",
                "X-Requested-With", "XMLHttpRequest");
        assertTrue(EdgeGuard.consoleCall(true, console, null));

        HttpServerExchange withoutHeader = request("Host", "shop.example", "Origin", "https://shop.example");
        assertFalse(EdgeGuard.consoleCall(true, withoutHeader, null), "a form post from anywhere");

        HttpServerExchange crossSite = request("Host", "shop.example", "Origin", "https://evil.example",
                "X-Requested-With", "XMLHttpRequest");
        assertFalse(EdgeGuard.consoleCall(true, crossSite, null), "another site's script");

        assertFalse(EdgeGuard.consoleCall(false, request("Host", "shop.example", "X-Requested-With", "XMLHttpRequest"),
                null), "no session");
    }

    @Test
    void a_request_from_another_sites_page_is_cross_site() {
        assertTrue(EdgeGuard.crossSite(request("Host", "shop.example", "Origin", "https://evil.example"), null));
        assertTrue(EdgeGuard.crossSite(request("Host", "shop.example", "Sec-Fetch-Site", "cross-site"), null));
        assertTrue(EdgeGuard.crossSite(request("Host", "shop.example", "Origin", "null"), null), "a sandboxed or file page");
        assertTrue(EdgeGuard.crossSite(request("Host", "shop.example:8080", "Origin", "http://shop.example:9090"), null));
    }

    @Test
    void the_chat_pages_own_requests_and_non_browsers_are_not_cross_site() {
        assertFalse(EdgeGuard.crossSite(request("Host", "shop.example:8080", "Origin", "http://shop.example:8080"), null));
        assertFalse(EdgeGuard.crossSite(request("Host", "SHOP.example", "Origin", "https://shop.example",
                "Sec-Fetch-Site", "same-origin"), null));
        assertFalse(EdgeGuard.crossSite(request("Host", "shop.example"), null), "no Origin: not a browser acting for someone");
        assertFalse(EdgeGuard.crossSite(request("Host", "10.0.0.5:8080", "Origin", "https://chat.shop.example"),
                "chat.shop.example"), "behind a proxy that rewrites Host, the public URL's origin is the page's");
    }

    @Test
    void an_origin_is_cut_to_its_authority() {
        assertEquals("shop.example:8443", EdgeGuard.authority("https://shop.example:8443"));
        assertNull(EdgeGuard.authority("null"));
        assertNull(EdgeGuard.authority("ht tp://x"));
    }

    @Test
    void a_page_may_load_script_style_and_sockets_from_this_server_only_and_may_not_be_framed() {
        HttpServerExchange exchange = request("Host", "shop.example:8080");
        SecurityHeaders.apply(exchange, Area.PAGE);
        String policy = exchange.getResponseHeaders().getFirst(SecurityHeaders.CSP);
        assertTrue(policy.contains("script-src 'self';"), policy);
        assertTrue(policy.contains("connect-src 'self' ws://shop.example:8080;"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertFalse(policy.contains("unsafe-inline"), "no inline script or style on a page: " + policy);
        assertEquals("nosniff", exchange.getResponseHeaders().getFirst(SecurityHeaders.NOSNIFF));
        assertEquals("DENY", exchange.getResponseHeaders().getFirst(SecurityHeaders.FRAME_OPTIONS));
        assertEquals("same-origin", exchange.getResponseHeaders().getFirst(SecurityHeaders.REFERRER_POLICY));
        assertNull(exchange.getResponseHeaders().getFirst(SecurityHeaders.HSTS), "no HSTS over plain HTTP");
    }

    @Test
    void under_tls_the_socket_is_wss_and_browsers_are_told_to_stay_on_https() {
        HttpServerExchange exchange = request("Host", "shop.example");
        exchange.setRequestScheme("https");
        SecurityHeaders.apply(exchange, Area.PAGE);
        assertTrue(exchange.getResponseHeaders().getFirst(SecurityHeaders.CSP).contains("connect-src 'self' wss://shop.example;"));
        assertEquals("max-age=31536000", exchange.getResponseHeaders().getFirst(SecurityHeaders.HSTS));
    }

    @Test
    void an_api_answer_loads_nothing_and_a_forged_host_names_no_socket_origin() {
        HttpServerExchange api = request("Host", "shop.example");
        SecurityHeaders.apply(api, Area.STAFF_API);
        assertEquals(SecurityHeaders.API_POLICY, api.getResponseHeaders().getFirst(SecurityHeaders.CSP));
        assertTrue(SecurityHeaders.API_POLICY.startsWith("default-src 'none'"));

        HttpServerExchange forged = request("Host", "evil.example; script-src *");
        SecurityHeaders.apply(forged, Area.PAGE);
        String policy = forged.getResponseHeaders().getFirst(SecurityHeaders.CSP);
        assertFalse(policy.contains("evil"), policy);
        assertTrue(policy.contains("connect-src 'self';"), policy);
    }

    @Test
    void cookies_leave_same_site_lax_unless_they_say_otherwise_and_secure_under_tls() {
        io.undertow.server.handlers.Cookie state = new io.undertow.server.handlers.CookieImpl("OAuth_Token_Request_State", "x");
        io.undertow.server.handlers.Cookie strict = new io.undertow.server.handlers.CookieImpl("strict", "y")
                .setSameSiteMode("Strict");
        SecurityHeaders.cookies(java.util.List.of(state, strict), false);
        assertEquals("Lax", state.getSameSiteMode());
        assertEquals("Strict", strict.getSameSiteMode());
        assertFalse(state.isSecure());

        io.undertow.server.handlers.Cookie session = new io.undertow.server.handlers.CookieImpl("JSESSIONID", "z");
        SecurityHeaders.cookies(java.util.List.of(session), true);
        assertTrue(session.isSecure());
        assertEquals("Lax", session.getSameSiteMode());
    }

    @Test
    void only_an_https_public_url_turns_the_redirect_on_and_probes_stay_reachable_over_http() {
        assertEquals("https://shop.example:8443", EdgeExtension.httpsOrigin("https://shop.example:8443/some/path"));
        assertEquals("https://shop.example", EdgeExtension.httpsOrigin(" HTTPS://shop.example "));
        assertNull(EdgeExtension.httpsOrigin("http://shop.example:8080"), "a plain public URL: no redirect");
        assertNull(EdgeExtension.httpsOrigin("https:///nohost"));
        assertNull(EdgeExtension.httpsOrigin("not a url"));
        assertTrue(Area.probe("/api/v1/health/ready"));
        assertTrue(Area.probe("/api/v1/health/live"));
        assertFalse(Area.probe("/api/v1/client-release"), "only health probes are answered over plain HTTP");
        assertFalse(Area.probe("/api/v1/health/ready/x"));
    }

    @Test
    void a_plain_request_is_sent_to_the_same_path_and_query_on_https_keeping_its_method() {
        HttpServerExchange get = request();
        get.setRequestMethod(io.undertow.util.Methods.GET);
        get.setRequestURI("/chat/");
        get.setRequestPath("/chat/index.html"); // the welcome file, resolved by the time the edge runs
        get.setQueryString("scan=abc");
        Refusals.redirectToHttps(get, "https://shop.example:8443");
        assertEquals(301, get.getStatusCode());
        assertEquals("https://shop.example:8443/chat/?scan=abc", get.getResponseHeaders().getFirst("Location"));

        HttpServerExchange post = request();
        post.setRequestMethod(io.undertow.util.Methods.POST);
        post.setRequestURI("http://shop.example/api/v1/customer/messages"); // absolute form
        Refusals.redirectToHttps(post, "https://shop.example");
        assertEquals(308, post.getStatusCode(), "a POST must not become a GET");
        assertEquals("https://shop.example/api/v1/customer/messages", post.getResponseHeaders().getFirst("Location"));
    }
}
