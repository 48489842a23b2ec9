package com.alpha01.client.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UiResourcesTest {

    private final UiResources resources = new UiResources(UiResources.class.getClassLoader());

    @ParameterizedTest
    @CsvSource({
        "app://local/index.html, text/html",
        "app://local/, text/html",
        "app://local, text/html",
        "app://local/css/app.css, text/css",
        "app://local/js/main.js, text/javascript",
        "app://local/js/bridge.js?v=2, text/javascript",
        "APP://LOCAL/js/i18n.js, text/javascript",
        "app://local/vendor/echarts.esm.min.js, text/javascript"})
    void should_serve_ui_files_with_their_mime_type(String url, String mime) {
        UiResources.Resource r = resources.resolve(url);

        assertEquals(200, r.status());
        assertEquals(mime, r.mimeType());
        assertTrue(r.body().length > 0);
    }

    @Test
    void should_serve_the_page_that_loads_the_modules_under_a_strict_csp() {
        String html = new String(resources.resolve(UiResources.START_URL).body(), StandardCharsets.UTF_8);

        assertTrue(html.contains("阿尔法01 · 商家端"));
        assertTrue(html.contains("script-src 'self'"));
        assertTrue(html.contains("<script type=\"module\" src=\"js/main.js\"></script>"));
        assertEquals(1, html.split("<script").length - 1, "no inline scripts");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "app://local/missing.html",
        "app://local/js/",
        "app://local/js",
        "app://local/../pom.xml",
        "app://local/%2e%2e/faq/default-faq.txt",
        "app://local/js/%2e%2e/%2e%2e/faq/default-faq.txt",
        "app://local/..%2Ffaq%2Fdefault-faq.txt",
        "app://local/.hidden.css",
        "app://local/com/alpha01/client/browser/DesktopWindow.class",
        "app://local/js/main.exe",
        "app://other/index.html",
        "https://local/index.html",
        "app://local/C:\\\\windows\\\\win.ini",
        "not a url at all"})
    void should_answer_404_for_anything_else(String url) {
        UiResources.Resource r = resources.resolve(url);

        assertEquals(404, r.status(), url);
        assertEquals("text/plain", r.mimeType());
    }

    @Test
    void should_only_accept_plain_relative_paths() {
        assertEquals("js/main.js", UiResources.pathOf("app://local/js/main.js"));
        assertEquals("index.html", UiResources.pathOf("app://local/"));
        assertNull(UiResources.pathOf("app://local/js/../index.html"));
        assertNull(UiResources.pathOf("app://local//etc/passwd.txt"));
        assertNull(UiResources.pathOf(null));
    }
}
