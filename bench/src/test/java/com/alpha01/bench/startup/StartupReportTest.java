package com.alpha01.bench.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupReportTest {

    private static final StartupLogs.DevStackMarks MARKS = new StartupLogs.DevStackMarks(2000, 20000, 40000, 50000);

    private static StartRun run(String label, long working, long paint) {
        return new StartRun(label, 1000, MARKS, 51500, working, new StartupLogs.FirstPaint(paint, "first-contentful-paint"),
                9000);
    }

    private static Map<String, Object> page(String url, double socketOpen, List<Map<String, Object>> resources) {
        return Map.of("page", url, "responseEnd", 120.4, "domContentLoaded", 180L, "load", 210L,
                "document", Map.of("path", url, "type", "navigation", "transfer", 2300L, "encoded", 2000L, "decoded", 5000L),
                "resources", resources, "socketOpen", socketOpen);
    }

    @Test
    void page_totals_add_the_document_and_its_resources_and_drop_query_strings() {
        PageLoad chat = PageLoad.from(page("http://127.0.0.1:8080/chat/?scan=secret-entry-pass", 340.2, List.of(
                Map.of("path", "http://127.0.0.1:8080/chat/js/main.js?v=1", "type", "script", "transfer", 1300L,
                        "encoded", 1000L, "decoded", 3000L))),
                Map.of("http://127.0.0.1:8080/chat/js/main.js?v=1", "no-cache, no-store, must-revalidate"));
        assertEquals("/chat/", chat.page());
        assertEquals("/chat/js/main.js", chat.resources().get(0).path());
        assertEquals(3600, chat.transfer());
        assertEquals(3000, chat.encoded());
        assertEquals(8000, chat.decoded());
        assertEquals(340.2, chat.socketOpen());
        assertEquals(Map.of("/chat/js/main.js", "no-cache, no-store, must-revalidate"), chat.cacheControl());
    }

    @Test
    void the_report_puts_cold_beside_the_warm_median_and_shows_the_customer_pages_without_tokens() {
        PageLoad signIn = PageLoad.from(page("http://127.0.0.1:8180/realms/alpha01/protocol/openid-connect/auth?state=s",
                -1, List.of()), Map.of());
        PageLoad chat = PageLoad.from(page("http://127.0.0.1:8080/chat/?scan=secret-entry-pass", 340, List.of(
                Map.of("path", "http://127.0.0.1:8080/chat/css/chat.css", "type", "link", "transfer", 4404L,
                        "encoded", 4104L, "decoded", 4104L))), Map.of("http://127.0.0.1:8080/chat/css/chat.css", "no-store"));
        CustomerVisit.Visit visit = new CustomerVisit.Visit(signIn, chat);
        String md = StartupReport.render("bench/run startup", "2026-12-06T19:00:00Z", "test machine",
                Map.of("fsync", "off"), run("cold", 90000, 6000),
                List.of(run("warm 1", 52000, 3000), run("warm 2", 50000, 2800), run("warm 3", 61000, 3500)), visit, visit);
        assertTrue(md.contains("| **total to working** | 90.0 s | 52.0 s (50.0–61.0) |"), md);
        assertTrue(md.contains("| merchant client first paint | 6.0 s | 3.0 s (2.8–3.5) |"), md);
        assertTrue(md.contains("| PostgreSQL | 2.0 s | 2.0 s (2.0–2.0) |"), md);
        assertTrue(md.contains("`fsync=off`"), md);
        assertTrue(md.contains("| first | chat | 120 | 180 | 210 | 340 | 2 | 6.5 KiB |"), md);
        assertTrue(md.contains("| chat | `/chat/css/chat.css` | link | 4404 | 4104 | 4104 | 4404 | `no-store` |"), md);
        assertTrue(md.contains("Compressed bodies (sent smaller than unpacked): 2 of 3 on the first visit; served from "
                + "the browser's cache on the repeat visit (nothing transferred): 0 of 3."), md);
        assertFalse(md.contains("secret-entry-pass"), md);
    }
}
