package com.alpha01.bench.startup;

import com.alpha01.devstack.HeadlessChromium;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A customer's phone: Debian's headless Chromium with a fresh profile ({@link HeadlessChromium}, as in the ITs),
 * entering the real way — the counter code's URL, Keycloak's sign-in page, the chat page — and reading
 * each page's timing once it has loaded (the chat page's also once its socket is open).
 */
final class CustomerVisit implements AutoCloseable {

    /** Marks when the page's WebSocket opens; injected before any page script (the page's CSP does not apply). */
    private static final String SOCKET_MARK = """
            (() => {
              const Native = window.WebSocket;
              window.WebSocket = class extends Native {
                constructor(...args) {
                  super(...args);
                  this.addEventListener('open', () => {
                    window.__alpha01Bench ??= { socketOpen: performance.now() };
                  }, { once: true });
                }
              };
            })();
            """;

    /** The two pages of one visit. */
    record Visit(PageLoad signIn, PageLoad chat) {
    }

    private final HeadlessChromium chromium;
    private final ChromeDriver browser;
    private final WebDriverWait wait;

    private CustomerVisit(HeadlessChromium chromium) {
        this.chromium = chromium;
        this.browser = chromium.driver();
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    /** A browser with an empty cache and no cookies. */
    static CustomerVisit open(List<String> trustedSpki) throws IOException {
        HeadlessChromium chromium = HeadlessChromium.open(trustedSpki);
        chromium.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SOCKET_MARK));
        return new CustomerVisit(chromium);
    }

    /** Scans the counter code, signs in, and waits for the chat page's socket. */
    Visit visit(URI counterCode, String username, String password) {
        browser.get(counterCode.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        PageLoad signIn = loaded(false);
        browser.findElement(By.id("username")).sendKeys(username);
        if (browser.findElements(By.id("password")).isEmpty()) { // organizations: username first, then password
            browser.findElement(By.id("kc-login")).click();
        }
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password"))).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("composer")));
        return new Visit(signIn, loaded(true));
    }

    /** Signs the customer out the blunt way (every cookie gone) and keeps the cache: the next visit is a repeat one. */
    void forgetSession() {
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @SuppressWarnings("unchecked")
    private PageLoad loaded(boolean socket) {
        wait.until(d -> num(browser.executeScript(
                "const n = performance.getEntriesByType('navigation')[0]; return n ? n.loadEventEnd : 0;")) > 0
                && (!socket || Boolean.TRUE.equals(browser.executeScript("return !!window.__alpha01Bench;"))));
        Map<String, Object> timing = (Map<String, Object>) browser.executeScript(PageLoad.SCRIPT);
        return PageLoad.from(timing, (Map<String, Object>) browser.executeAsyncScript(PageLoad.CACHE_CONTROL_SCRIPT));
    }

    private static double num(Object v) {
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    @Override
    public void close() throws IOException {
        chromium.close();
    }
}
