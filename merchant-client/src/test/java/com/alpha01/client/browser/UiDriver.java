package com.alpha01.client.browser;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;

/**
 * Drives the real app window the way a user would, through the page: click, type, read the DOM,
 * wait for a condition (polled inside the page with a deadline), capture the screen.
 */
public final class UiDriver {

    private final DesktopWindow window;
    private final Duration wait;

    public UiDriver(DesktopWindow window, Duration wait) {
        this.window = window;
        this.wait = wait;
    }

    /**
     * Opens the app window on {@code cef}, connected to {@code bridge}, and waits until the page has
     * loaded and shown the bridge's start-up snapshot.
     */
    public static UiDriver open(CefRuntime cef, com.alpha01.client.bridge.Bridge bridge, Duration wait) throws Exception {
        DesktopWindow window = cef.open("阿尔法01 · 商家端", bridge);
        if (!window.awaitLoaded(1, Duration.ofSeconds(60))) {
            fail("the app page did not load");
        }
        UiDriver ui = new UiDriver(window, wait);
        ui.waitFor("document.body.dataset.ready === 'true'");
        return ui;
    }

    public DesktopWindow window() {
        return window;
    }

    /** Runs {@code functionBody} as an async function in the page; returns {@code String(result)}. */
    public String eval(String functionBody) throws Exception {
        // a little longer than the wait, so that waitFor's own deadline is what reports a timeout
        return window.evaluate(functionBody).get(wait.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    }

    /** Polls a JavaScript condition in the page until it holds; fails at the deadline. */
    public void waitFor(String condition) throws Exception {
        waitFor(condition, wait);
    }

    /**
     * Polls in slices of at most 5 s, each a fresh script: a page replaced meanwhile (a navigation,
     * the sign-in page, a reload) drops the script it was running, and the next slice asks the new page.
     */
    public void waitFor(String condition, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long slice = Math.max(1, Math.min(5_000, (end - System.nanoTime()) / 1_000_000));
            try {
                String result = window.evaluate("const end = Date.now() + " + slice + ";"
                        + "while (Date.now() < end) { try { if (" + condition + ") return 'true'; } catch (e) {}"
                        + " await new Promise((r) => setTimeout(r, 25)); }"
                        + "return 'false';").get(slice + 3_000, TimeUnit.MILLISECONDS);
                if ("true".equals(result)) {
                    return;
                }
            } catch (TimeoutException | ExecutionException e) {
                // the page went away under the script; try again on the one there now
            }
            if (System.nanoTime() >= end) {
                fail("timed out after " + timeout + " waiting for " + condition);
            }
        }
    }

    /** Waits for the element and clicks it. */
    public void click(String selector) throws Exception {
        waitFor("document.querySelector(" + js(selector) + ") !== null");
        eval("document.querySelector(" + js(selector) + ").click(); return 'ok'");
    }

    /** Types into an input or textarea: sets its value and fires {@code input}, as typing does. */
    public void type(String selector, String text) throws Exception {
        waitFor("document.querySelector(" + js(selector) + ") !== null");
        eval("const el = document.querySelector(" + js(selector) + "); el.focus(); el.value = " + js(text) + ";"
                + "el.dispatchEvent(new Event('input', { bubbles: true })); return 'ok'");
    }

    /** The element's {@code textContent}, or null when there is none. */
    public String text(String selector) throws Exception {
        return eval("const el = document.querySelector(" + js(selector) + "); return el ? el.textContent : null");
    }

    /** Opens a screen from the navigation and waits until it shows. */
    public void show(String view) throws Exception {
        click("[data-view=\"" + view + "\"]");
        waitFor("!document.getElementById('view-" + view + "').hidden");
    }

    /** Captures the window once the last DOM change is painted; saves it as {@code dir/name.png}. */
    public BufferedImage shoot(Path dir, String name) throws Exception {
        BufferedImage image = window.screenshot(wait);
        try {
            Files.createDirectories(dir);
            ImageIO.write(image, "png", dir.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot save " + name, e);
        }
        return image;
    }

    /** A JavaScript string literal. */
    public static String js(String s) {
        return Json.createValue(s).toString();
    }
}
