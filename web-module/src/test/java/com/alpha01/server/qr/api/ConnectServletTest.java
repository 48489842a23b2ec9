package com.alpha01.server.qr.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.server.platform.config.Settings;
import com.alpha01.server.platform.edge.RateLimits;
import com.alpha01.server.qr.application.ScanService;
import com.alpha01.server.qr.application.ScanService.Verdict;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /connect} without a server: the request and response are stand-ins that record what the servlet does. */
class ConnectServletTest {

    private static final UUID SCAN = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    /** What the servlet did to the response. */
    private static final class Recorded {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final List<String> cookies = new ArrayList<>();
        String contentType;
        final StringWriter body = new StringWriter();
    }

    private static Recorded get(Verdict verdict, Map<String, String> parameters) throws Exception {
        List<String> scanned = new ArrayList<>();
        Recorded recorded = get(verdict, parameters, null, scanned);
        assertEquals(List.of(parameters.get("merchant_id") + "|" + parameters.get("client_id") + "|"
                + parameters.get("token")), scanned, "the raw query values are judged once");
        return recorded;
    }

    /** One scan from 203.0.113.5 through a servlet with these limits (none: null); what was judged lands in {@code scanned}. */
    private static Recorded get(Verdict verdict, Map<String, String> parameters, RateLimits limits, List<String> scanned)
            throws Exception {
        ConnectServlet servlet = new ConnectServlet();
        servlet.limits = limits;
        servlet.scans = new ScanService() {
            @Override
            public ScanResult scan(String merchantId, String clientId, String token) {
                scanned.add(merchantId + "|" + clientId + "|" + token);
                return new ScanResult(SCAN, verdict, verdict == Verdict.ENTER ? "阿尔法咖啡 · 示范店" : null);
            }
        };
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(ConnectServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getContextPath" -> "";
                    case "getRemoteAddr" -> "203.0.113.5";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Recorded recorded = new Recorded();
        PrintWriter writer = new PrintWriter(recorded.body);
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                ConnectServletTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> recorded.status = (Integer) args[0];
                        case "setHeader" -> recorded.headers.put((String) args[0], (String) args[1]);
                        case "addHeader" -> recorded.cookies.add((String) args[1]);
                        case "setContentType" -> recorded.contentType = (String) args[0];
                        case "setCharacterEncoding" -> { }
                        case "getWriter" -> {
                            return writer;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
        servlet.doGet(request, response);
        writer.flush();
        return recorded;
    }

    @Test
    void a_valid_scan_goes_on_to_the_chat_with_its_entry_pass_in_the_url_and_a_cookie() throws Exception {
        Recorded r = get(Verdict.ENTER, Map.of("merchant_id", "m", "token", "t"));

        assertEquals(303, r.status);
        assertEquals("/chat/?scan=" + SCAN, r.headers.get("Location"));
        assertEquals(List.of("alpha01_entry=" + SCAN + "; Path=/api/v1/customer; Max-Age=1800; HttpOnly; SameSite=Lax",
                "alpha01_shop=%E9%98%BF%E5%B0%94%E6%B3%95%E5%92%96%E5%95%A1%20%C2%B7%20%E7%A4%BA%E8%8C%83%E5%BA%97; Path=/; "
                        + "Max-Age=1800; SameSite=Lax"), r.cookies, "the entry pass, and the shop's name for the sign-in page");
        assertEquals("no-store", r.headers.get("Cache-Control"));
        assertEquals("", r.body.toString());
    }

    @Test
    void an_expired_code_gets_the_friendly_page_with_410_and_no_entry_pass() throws Exception {
        Recorded r = get(Verdict.EXPIRED, Map.of("merchant_id", "m", "client_id", "c", "token", "t"));

        assertEquals(410, r.status);
        assertEquals("text/html", r.contentType);
        assertTrue(r.body.toString().contains("QR_EXPIRED"));
        assertTrue(r.cookies.isEmpty());
        assertNull(r.headers.get("Location"));
        assertEquals("no-referrer", r.headers.get("Referrer-Policy"));
        assertTrue(r.headers.get("Content-Security-Policy").startsWith("default-src 'none'"));
    }

    @Test
    void a_forged_scan_is_not_found_and_the_page_echoes_nothing_from_the_request() throws Exception {
        Recorded r = get(Verdict.INVALID, Map.of("merchant_id", "<script>x</script>", "token", "forged-token"));

        assertEquals(404, r.status);
        assertTrue(r.body.toString().contains("QR_INVALID"));
        assertTrue(!r.body.toString().contains("<script>") && !r.body.toString().contains("forged-token"));
    }

    @Test
    void failed_scans_from_one_address_are_refused_429_once_over_their_limit_and_not_judged() throws Exception {
        RateLimits limits = RateLimits.from(Settings.of(Map.of("ALPHA01_RATE_BAD_SCAN_BURST", "2",
                "ALPHA01_RATE_BAD_SCAN_PER_MINUTE", "1")::get, key -> null));
        List<String> scanned = new ArrayList<>();
        Map<String, String> forged = Map.of("merchant_id", "m", "token", "forged");

        assertEquals(404, get(Verdict.INVALID, forged, limits, scanned).status);
        assertEquals(404, get(Verdict.INVALID, forged, limits, scanned).status);
        Recorded refused = get(Verdict.INVALID, forged, limits, scanned);

        assertEquals(429, refused.status);
        assertEquals("60", refused.headers.get("Retry-After"), "one failed scan a minute comes back");
        assertTrue(refused.body.toString().contains("RATE_LIMITED") && refused.body.toString().contains("扫码太频繁"));
        assertEquals(2, scanned.size(), "the refused scan was not judged (nor recorded)");
    }

    @Test
    void scans_that_let_customers_in_do_not_count_as_failures() throws Exception {
        RateLimits limits = RateLimits.from(Settings.of(Map.of("ALPHA01_RATE_BAD_SCAN_BURST", "1",
                "ALPHA01_RATE_BAD_SCAN_PER_MINUTE", "1")::get, key -> null));
        List<String> scanned = new ArrayList<>();

        for (int i = 0; i < 30; i++) {
            assertEquals(303, get(Verdict.ENTER, Map.of("merchant_id", "m", "token", "t" + i), limits, scanned).status);
        }
        assertEquals(30, scanned.size());
    }

    @Test
    void scans_of_one_code_over_its_limit_are_refused_and_another_code_is_not() throws Exception {
        RateLimits limits = RateLimits.from(Settings.of(Map.of("ALPHA01_RATE_QR_BURST", "3",
                "ALPHA01_RATE_QR_PER_MINUTE", "6")::get, key -> null));
        List<String> scanned = new ArrayList<>();
        Map<String, String> code = Map.of("merchant_id", "m", "client_id", "c", "token", "busy");
        for (int i = 0; i < 3; i++) {
            assertEquals(303, get(Verdict.ENTER, code, limits, scanned).status);
        }

        Recorded refused = get(Verdict.ENTER, code, limits, scanned);

        assertEquals(429, refused.status);
        assertEquals("10", refused.headers.get("Retry-After"));
        assertEquals(303, get(Verdict.ENTER, Map.of("merchant_id", "m", "client_id", "c", "token", "quiet"), limits,
                scanned).status);
    }
}
