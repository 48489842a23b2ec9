package com.alpha01.client.browser;

import java.awt.AWTException;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.cef.browser.CefBrowser;

/**
 * Captures what the window shows on screen once painting has settled. An animation frame in the
 * page does not mean the frame has reached the X server yet, so captures are repeated (each after two
 * more animation frames) until two in a row agree, apart from a blinking caret.
 */
final class ScreenCapture {

    private static final int CARET_PIXELS = 64;

    private final ScriptEvaluator evaluator;
    private final CefBrowser browser;

    ScreenCapture(ScriptEvaluator evaluator, CefBrowser browser) {
        this.evaluator = evaluator;
        this.browser = browser;
    }

    BufferedImage capture(Supplier<Rectangle> area, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Robot robot = new Robot();
            BufferedImage previous = null;
            while (true) {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                evaluator.evaluate(browser, "await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));"
                        + " return 'painted';").get(left, TimeUnit.MILLISECONDS);
                BufferedImage current = robot.createScreenCapture(area.get());
                if (previous != null && (differingPixels(previous, current) <= CARET_PIXELS
                        || System.nanoTime() > deadline)) {
                    return current;
                }
                previous = current;
            }
        } catch (ExecutionException | AWTException e) {
            throw new IllegalStateException("Could not capture the window: " + e.getMessage(), e);
        }
    }

    static long differingPixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return Long.MAX_VALUE;
        }
        long differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        return differing;
    }
}
