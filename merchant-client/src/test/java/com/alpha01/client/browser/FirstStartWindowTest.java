package com.alpha01.client.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The first-start window on the build's virtual display: progress, a failure's words, 重试 and 退出. */
class FirstStartWindowTest {

    @Test
    void it_shows_progress_then_a_failure_and_answers_with_the_button_pressed() throws Exception {
        try (FirstStartWindow window = FirstStartWindow.open("zh-CN")) {
            window.progress("DOWNLOADING", 40);
            awaitShown(window, "正在下载浏览器组件（约 100 MB）… | 40 | no buttons");
            CompletableFuture<Boolean> again = CompletableFuture.supplyAsync(
                    () -> window.retry(BrowserSetup.Failure.OFFLINE, "ConnectException: refused"));
            awaitShown(window, "无法连接到下载地址：请检查网络后重试。 | 0 | buttons");
            window.press(true);
            assertTrue(again.get(10, TimeUnit.SECONDS), "重试");
            CompletableFuture<Boolean> quit = CompletableFuture.supplyAsync(
                    () -> window.retry(BrowserSetup.Failure.DOWNLOAD, "EOFException"));
            awaitShown(window, "下载的浏览器组件不完整或已损坏，已删除，可以重试。 | 0 | buttons");
            window.press(false);
            assertFalse(quit.get(10, TimeUnit.SECONDS), "退出");
        }
        try (FirstStartWindow english = FirstStartWindow.open("en")) {
            english.progress("EXTRACTING", -1);
            awaitShown(english, "Unpacking the browser component… | … | no buttons");
        }
    }

    private static void awaitShown(FirstStartWindow window, String expected) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!window.shown().equals(expected) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(expected, window.shown());
    }
}
