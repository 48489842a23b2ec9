package com.alpha01.client.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What the app's window costs while a busy shop is answered (issue 14): a burst of conversation
 * events draws the list in paced passes (at least 200 ms apart), a screen not shown is not drawn
 * until it is, and without a GPU (the app starts Chromium with --disable-gpu) the glass is flat.
 */
class PacedRenderingTest extends AppWindowTest {

    private static final String BUSY = "0c1a1e2b-0000-4000-8000-0000000000c5";
    private static final String OTHER = "0c1a1e2b-0000-4000-8000-0000000000c6";

    /** Counts the redraws of element {@code id} (each replaces its children) with their times, in window.__draws. */
    private void countDraws(String id) throws Exception {
        ui.eval("window.__draws = []; window.__drawObserver?.disconnect();"
                + "window.__drawObserver = new MutationObserver(() => window.__draws.push(performance.now()));"
                + "window.__drawObserver.observe(document.getElementById('" + id + "'), {childList: true});"
                + "return '';");
    }

    private int draws() throws Exception {
        return Integer.parseInt(ui.eval("return String(window.__draws.length);"));
    }

    @Test
    void a_burst_of_messages_on_the_open_list_is_drawn_in_passes_at_least_200_ms_apart() throws Exception {
        ui.show("conversations");
        desktop.bridge.emit("conversation", FakeDesktop.conversation(BUSY, "孙先生", "BOT", ""));
        ui.waitFor("document.querySelector(\"[data-conversation-id='" + BUSY + "']\") !== null");
        countDraws("conversation-list");
        for (int seq = 1; seq <= 300; seq++) {
            desktop.bridge.emit("message", FakeDesktop.message(BUSY, seq, "CUSTOMER", "第" + seq + "问", "12:00:00", null));
        }
        ui.waitFor("[...document.querySelectorAll('.conversation-preview')].some((p) => p.textContent === '第300问')");
        int draws = draws();
        double closest = Double.parseDouble(ui.eval("const d = window.__draws; let min = Infinity;"
                + "for (let i = 1; i < d.length; i++) min = Math.min(min, d[i] - d[i - 1]); return String(min);"));
        ui.eval("window.__drawObserver.disconnect(); return '';");
        assertTrue(draws >= 1, "the list was drawn");
        assertTrue(draws == 1 || closest >= 190, "300 messages drew the list " + draws + " times, two of them "
                + closest + " ms apart: passes are at least 200 ms apart");
    }

    @Test
    void the_overview_figures_are_not_drawn_while_another_screen_is_shown_and_are_when_shown() throws Exception {
        ui.show("conversations");
        countDraws("stat-messages");
        desktop.bridge.emit("conversation", FakeDesktop.conversation(OTHER, "孙先生", "BOT", ""));
        for (int seq = 401; seq <= 450; seq++) {
            desktop.bridge.emit("message", FakeDesktop.message(OTHER, seq, "CUSTOMER", "第" + seq + "问", "12:01:00", null));
        }
        ui.waitFor("[...document.querySelectorAll('.conversation-preview')].some((p) => p.textContent === '第450问')");
        assertEquals(0, draws(), "总览's figures are not drawn while 会话 is shown");

        ui.show("overview");
        assertTrue(draws() >= 1, "shown, 总览 draws its figures at once");
        ui.eval("window.__drawObserver.disconnect(); return '';");
    }

    @Test
    void without_a_gpu_the_glass_is_flat_and_blur_comes_back_when_chosen() throws Exception {
        assertEquals("flat", ui.eval("return document.documentElement.dataset.glass"),
                "Chromium runs with --disable-gpu: the page finds no GPU");
        assertEquals("none", ui.eval("return getComputedStyle(document.querySelector('.sidebar')).backdropFilter"));
        ui.eval("document.documentElement.dataset.glass = 'blur'; return '';");
        assertTrue(ui.eval("return getComputedStyle(document.querySelector('.sidebar')).backdropFilter").contains("blur("),
                "the full glass blurs");
        ui.eval("document.documentElement.dataset.glass = 'flat'; return '';");
    }
}
