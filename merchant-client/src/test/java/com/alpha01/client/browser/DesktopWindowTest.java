package com.alpha01.client.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cef.network.CefRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real window (embedded Chromium under the build's Xvfb) against a stand-in Java side: the
 * {@code app://} scheme, the bridge both ways, safe rendering of customer text, and the
 * conversation screen's controls. One window for the class; tests that change what is on screen
 * select what they need first.
 */
@ExtendWith(JcefExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DesktopWindowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String XSS = "<img src=x onerror=\"document.title='pwned'\">";

    private final FakeDesktop desktop = new FakeDesktop();
    private UiDriver ui;

    @BeforeAll
    void open(CefRuntime cef) throws Exception {
        // Emitted before the page exists: held by the bridge until the page has its snapshot.
        desktop.bridge.emit("conversation", FakeDesktop.conversation(FakeDesktop.C2, "陈先生", "BOT", ""));
        desktop.bridge.emit("message", FakeDesktop.message(FakeDesktop.C2, 1, "CUSTOMER", "请问可以预约明天下午吗？",
                "09:30:00", null));
        ui = UiDriver.open(cef, desktop.bridge, WAIT);
    }

    @AfterAll
    void closeBridge() {
        desktop.bridge.close();
    }

    @Test
    @Order(1)
    void page_loads_from_the_app_scheme_and_shows_the_snapshot() throws Exception {
        assertEquals("app://local/index.html", ui.eval("return location.href"));
        assertEquals("阿尔法01 · 商家端", ui.eval("return document.title"));
        ui.waitFor("document.querySelector('.status-text').textContent === '在线'");
        assertEquals("阿尔法咖啡 · 示范店", ui.text("#status-merchant"));
        assertEquals("23 毫秒", ui.text("#status-latency"));
        ui.waitFor("document.querySelector('.qr-card img').complete && document.querySelector('.qr-card img').naturalWidth > 0");
    }

    @Test
    @Order(2)
    void events_emitted_before_the_page_loaded_are_delivered_after_the_snapshot() throws Exception {
        ui.show("conversations");
        ui.waitFor("document.querySelectorAll('#conversation-list .conversation').length === 2");
        assertEquals(0, desktop.bridge.queuedEvents());
    }

    @Test
    @Order(3)
    void server_figures_for_today_fill_the_overview() throws Exception {
        ui.show("overview");
        assertEquals("42", ui.text("#stat-conversations"));
        assertEquals("86%", ui.text("#stat-ai-rate"));
        assertEquals("2", ui.text("#stat-waiting"));
        assertEquals("true", ui.eval("return String(document.getElementById('stats-source').hidden)"));
    }

    @Test
    @Order(4)
    void a_request_round_trips_through_a_java_handler_and_errors_keep_their_code() throws Exception {
        String result = ui.eval("const { request } = await import('app://local/js/bridge.js');"
                + "return JSON.stringify(await request('echo', { n: 41, text: '你好' }));");
        JsonObject json = Json.createReader(new StringReader(result)).readObject();
        assertEquals("java", json.getString("by"));
        assertEquals(41, json.getJsonObject("echo").getInt("n"));
        assertEquals("你好", json.getJsonObject("echo").getString("text"));
        String codes = ui.eval("const { request } = await import('app://local/js/bridge.js');"
                + "const code = (p) => p.then(() => 'ok', (e) => e.code);"
                + "const raw = await new Promise((resolve) => window.cefQuery({ request: '{not json',"
                + " onSuccess: () => resolve('ok'), onFailure: (s, m) => resolve(JSON.parse(m).code) }));"
                + "return [await code(request('noSuchThing')), await code(request('fail')), raw].join(',');");
        assertEquals("UNKNOWN_REQUEST,NOPE,BAD_REQUEST", codes);
    }

    @Test
    @Order(5)
    void customer_markup_renders_as_literal_text_once() throws Exception {
        desktop.bridge.emit("conversation", FakeDesktop.conversation(FakeDesktop.C3, "<b>赵</b>", "BOT", ""));
        JsonObject evil = FakeDesktop.message(FakeDesktop.C3, 1, "CUSTOMER", XSS, "10:05:00", null);
        desktop.bridge.emit("message", evil);
        desktop.bridge.emit("message", evil);
        ui.show("conversations");
        ui.click("[data-conversation-id='" + FakeDesktop.C3 + "']");
        ui.waitFor("document.getElementById('transcript-title').textContent === '<b>赵</b>'");
        assertEquals(XSS, ui.text("#transcript .message-text"));
        assertEquals("1", ui.eval("return String(document.querySelectorAll('#transcript .message').length)"));
        assertEquals("0", ui.eval("return String(document.querySelectorAll('main img:not(.qr-tile img), main b').length)"));
        assertEquals("阿尔法01 · 商家端", ui.eval("return document.title"));
    }

    @Test
    @Order(6)
    void reply_box_sends_the_trimmed_reply_and_reports_typing() throws Exception {
        ui.click("[data-conversation-id='" + FakeDesktop.C3 + "']");
        ui.type("#reply-text", "  好的，马上为您准备。 ");
        JsonObject typing = desktop.next("typing");
        assertNotNull(typing, "typing in the reply box did not reach Java");
        assertEquals(FakeDesktop.C3, typing.getString("conversationId"));
        assertTrue(typing.getBoolean("typing"));
        ui.eval("document.getElementById('reply-form').requestSubmit(); return 'ok'");
        JsonObject reply = desktop.next("reply");
        assertNotNull(reply, "no reply request reached Java");
        assertEquals(FakeDesktop.C3, reply.getString("conversationId"));
        assertEquals("好的，马上为您准备。", reply.getString("text"));
        ui.waitFor("document.getElementById('reply-feedback').textContent === '已发送'");
        JsonObject stopped = desktop.next("typing");
        assertNotNull(stopped, "sending did not report that typing stopped");
        assertEquals(false, stopped.getBoolean("typing"));
    }

    @Test
    @Order(7)
    void customer_typing_shows_in_the_open_conversation_until_they_send() throws Exception {
        ui.click("[data-conversation-id='" + FakeDesktop.C3 + "']");
        desktop.bridge.emit("typing", Json.createObjectBuilder().add("conversationId", FakeDesktop.C3)
                .add("typing", true).build());
        ui.waitFor("!document.getElementById('typing').hidden");
        desktop.bridge.emit("message", FakeDesktop.message(FakeDesktop.C3, 3, "CUSTOMER", "再加一份可颂", "10:06:00", null));
        ui.waitFor("document.getElementById('typing').hidden");
    }

    @Test
    @Order(8)
    void take_over_and_hand_back_follow_the_conversation_state() throws Exception {
        ui.click("[data-conversation-id='" + FakeDesktop.C3 + "']");
        ui.waitFor("!document.getElementById('btn-takeover').hidden && document.getElementById('btn-handback').hidden");
        ui.click("#btn-takeover");
        JsonObject takeover = desktop.next("takeover");
        assertNotNull(takeover, "take over did not reach Java");
        assertEquals(FakeDesktop.C3, takeover.getString("conversationId"));
        desktop.bridge.emit("conversation", FakeDesktop.conversation(FakeDesktop.C3, "<b>赵</b>", "HUMAN", "李小梅"));
        ui.waitFor("document.getElementById('transcript-state').textContent === '李小梅 接待中'");
        ui.waitFor("document.getElementById('btn-takeover').hidden && !document.getElementById('btn-handback').hidden");
        ui.click("#btn-handback");
        assertEquals(FakeDesktop.C3, desktop.next("handback").getString("conversationId"));
    }

    @Test
    @Order(8)
    void a_hand_off_shows_the_assistants_note_as_text() throws Exception {
        ui.click("[data-conversation-id='" + FakeDesktop.C3 + "']");
        JsonObject note = Json.createObjectBuilder().add("reason", "MODEL").add("detail", "顾客问 <i>发票</i>，需要人工开具")
                .add("customer", "<b>赵</b>").add("recent", Json.createArrayBuilder().add("能开发票吗").add("<i>急</i>"))
                .build();
        desktop.bridge.emit("conversation", Json.createObjectBuilder(FakeDesktop.conversation(FakeDesktop.C3, "<b>赵</b>",
                "BOT", "")).add("needsStaff", true).add("note", note).build());
        ui.waitFor("!document.getElementById('handoff-summary').hidden");
        assertEquals("助手请店员处理 顾客问 <i>发票</i>，需要人工开具", ui.text("#handoff-summary-text .note-reason")
                + " " + ui.text("#handoff-summary-text .note-detail"));
        assertEquals("能开发票吗|<i>急</i>", ui.eval("return Array.from(document.querySelectorAll("
                + "'#handoff-summary-text .note-recent li'), (li) => li.textContent).join('|')"));
        assertEquals("0", ui.eval("return String(document.querySelectorAll('#handoff-summary i, #handoff-summary b').length)"));
        desktop.bridge.emit("conversation", FakeDesktop.conversation(FakeDesktop.C3, "<b>赵</b>", "BOT", ""));
        ui.waitFor("document.getElementById('handoff-summary').hidden");
    }

    @Test
    @Order(9)
    void a_hand_off_notice_appears_without_focus_stealing() throws Exception {
        desktop.bridge.emit("notify", Json.createObjectBuilder().add("kind", "handoff").add("customer", "<i>钱</i>").build());
        ui.waitFor("[...document.querySelectorAll('#toasts .toast')].some(t => t.textContent === '<i>钱</i> 请求人工服务')");
        assertEquals("0", ui.eval("return String(document.querySelectorAll('#toasts i').length)"));
    }

    @Test
    @Order(10)
    void offline_shows_the_banner_and_queued_replies() throws Exception {
        desktop.bridge.emit("status", Json.createObjectBuilder().add("state", "offline").build());
        ui.waitFor("!document.getElementById('offline-banner').hidden");
        assertEquals("离线模式：可浏览历史会话，回复会在连接恢复后自动发送。", ui.text("#offline-banner"));
        desktop.bridge.emit("status", Json.createObjectBuilder().add("state", "online").build());
        ui.waitFor("document.getElementById('offline-banner').hidden");
        desktop.bridge.emit("status", Json.createObjectBuilder().add("state", "signed-out").build());
        ui.waitFor("!document.getElementById('sign-in').hidden");
        ui.click("#sign-in");
        assertNotNull(desktop.next("signIn"), "the sign-in button did not ask Java");
        desktop.bridge.emit("status", Json.createObjectBuilder().add("state", "online").build());
    }

    @Test
    @Order(11)
    void language_switch_relabels_the_ui_and_tells_java() throws Exception {
        ui.click("[data-lang=en]");
        ui.waitFor("document.querySelector('[data-view=overview] .nav-label').textContent === 'Overview'");
        assertEquals("Online", ui.text(".status-text"));
        assertEquals("en", ui.eval("return document.documentElement.lang"));
        assertEquals("en", desktop.next("setLanguage").getString("lang"));
        ui.click("[data-lang='zh-CN']");
        ui.waitFor("document.querySelector('[data-view=overview] .nav-label').textContent === '总览'");
    }

    @Test
    @Order(12)
    void file_addresses_are_refused_so_a_stray_drop_cannot_replace_the_app() {
        CefRequest file = CefRequest.create();
        file.setURL("file:///etc/hostname");
        CefRequest app = CefRequest.create();
        app.setURL(UiResources.START_URL);
        CefRequest signIn = CefRequest.create();
        signIn.setURL("http://127.0.0.1:8180/realms/alpha01/protocol/openid-connect/auth?client_id=x");

        var guard = FileDrops.navigationGuard();

        assertTrue(guard.onBeforeBrowse(null, null, file, true, false), "file: is cancelled");
        assertFalse(guard.onBeforeBrowse(null, null, app, false, false));
        assertFalse(guard.onBeforeBrowse(null, null, signIn, true, false), "Keycloak's page still opens");
    }

    @Test
    @Order(13)
    void only_files_of_the_last_drag_are_given_out_and_only_once() throws Exception {
        Path dir = Files.createTempDirectory("drops");
        Path faq = Files.writeString(dir.resolve("faq.csv"), "问题,答案\n");
        FileDrops drops = new FileDrops();
        drops.offer(List.of(faq.toString(), dir.resolve("gone.pdf").toString(), dir.toString()));

        assertEquals(List.of(), drops.dropped(List.of("other.csv")), "a name the drag did not bring");
        drops.offer(List.of(faq.toString()));
        assertEquals(List.of(faq), drops.dropped(List.of("faq.csv", "gone.pdf")));
        assertEquals(List.of(), drops.dropped(List.of("faq.csv")), "given out once");
        drops.offer(List.of(dir.toString()));
        assertEquals(List.of(dir), drops.dropped(List.of(dir.getFileName().toString())), "a folder is given out too");
    }

    @Test
    @Order(14)
    void a_page_of_another_origin_in_the_window_gets_no_bridge() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            byte[] page = "<!doctype html><title>sign-in</title><p>another origin".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        other.start();
        try {
            String url = "http://127.0.0.1:" + other.getAddress().getPort() + "/";
            ui.window().navigate(url);
            ui.waitFor("location.href === '" + url + "' && document.readyState === 'complete'");

            String answer = ui.eval("return await new Promise(r => window.cefQuery({request: JSON.stringify("
                    + "{type: 'system.status', payload: {}}), onSuccess: v => r('ok ' + v), "
                    + "onFailure: (status, message) => r(status + ' ' + message)}))");

            assertTrue(answer.startsWith("403 ") && answer.contains("FORBIDDEN"), answer);
        } finally {
            other.stop(0);
            ui.window().showApp();
            ui.waitFor("document.querySelector('.status-text') !== null");
        }
    }

    @Test
    @Order(15)
    void popups_open_no_window_and_web_links_go_to_the_system_browser() throws Exception {
        List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch handed = new java.util.concurrent.CountDownLatch(1);
        ui.window().onExternalLink(url -> {
            opened.add(url);
            handed.countDown();
        });
        try {
            // A target=_blank link clicked with the real mouse (Chromium lets only a user's gesture open a popup).
            String rect = ui.eval("const a = document.createElement('a'); a.id = 'ext-link'; a.textContent = '服务条款';"
                    + " a.href = 'https://example.invalid/terms?x=1'; a.target = '_blank';"
                    + " a.style = 'position:fixed;left:40%;top:40%;padding:24px;z-index:9999;background:#fff;color:#000';"
                    + " document.body.append(a); const r = a.getBoundingClientRect();"
                    + " return Math.round(r.left + r.width / 2) + ',' + Math.round(r.top + r.height / 2);");
            java.awt.Rectangle view = ui.window().viewOnScreen();
            String[] xy = rect.split(",");
            java.awt.Robot robot = new java.awt.Robot();
            robot.mouseMove(view.x + Integer.parseInt(xy[0]), view.y + Integer.parseInt(xy[1]));
            robot.mousePress(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
            robot.mouseRelease(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);

            assertTrue(handed.await(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS), "no popup reached Java");
            assertEquals(List.of("https://example.invalid/terms?x=1"), opened);
            assertTrue(ui.window().url().startsWith("app://local/"), ui.window().url());
            assertEquals("true", ui.eval("return String(document.querySelector('.status-text') !== null)"),
                    "the app page is still there");
        } finally {
            ui.window().onExternalLink(url -> { });
            ui.eval("document.getElementById('ext-link')?.remove(); return '';");
        }
    }

    @Test
    @Order(17)
    void an_update_shows_its_progress_a_refusal_the_restart_and_below_the_minimum_a_banner_everywhere()
            throws Exception {
        // The screen asks for system.status when shown; its answer (the fake's idle update) must land before the
        // pushed states below, or it hides the progress bar again (the race behind a red CI at 47d6e4e).
        ui.eval("document.getElementById('sys-version').textContent = ''; return '';");
        ui.show("status");
        ui.waitFor("document.getElementById('sys-version').textContent.startsWith('0.1.0')");
        desktop.bridge.emit("update", update("DOWNLOADING", false).add("done", 40).add("total", 80).build());
        ui.waitFor("!document.getElementById('update-progress').hidden");
        assertEquals("50", ui.eval("return String(document.getElementById('update-progress').value)"));
        assertEquals("正在下载新版本 0.2.0…", ui.text("#sys-update"));
        desktop.bridge.emit("update", update("FAILED", false).add("failure", "CHECKSUM").build());
        ui.waitFor("document.getElementById('update-progress').hidden");
        assertEquals("新版本 0.2.0 未安装：安装包内容与签名不符（可能被篡改）", ui.text("#sys-update"));
        desktop.bridge.emit("update", update("READY", true).add("ready", "0.2.0").build());
        ui.waitFor("!document.getElementById('update-restart').hidden");
        ui.click("#update-restart");
        assertEquals("{}", desktop.next("update.apply").toString());
        assertTrue(ui.eval("return String(document.getElementById('update-banner').hidden)").equals("false"),
                "below the minimum: the banner shows");
        ui.show("conversations");
        assertEquals("此版本已低于服务器要求的最低版本 0.1.5，请先更新到 0.2.0。", ui.text("#update-banner-text"));
        ui.click("#update-banner-go");
        ui.waitFor("!document.getElementById('view-status').hidden");
        desktop.bridge.emit("update", update("IDLE", false).add("required", false).build());
        ui.waitFor("document.getElementById('update-banner').hidden");
    }

    private static jakarta.json.JsonObjectBuilder update(String stage, boolean required) {
        return Json.createObjectBuilder().add("checked", true).add("available", true).add("offered", true)
                .add("required", required).add("latest", "0.2.0").add("minimum", "0.1.5").add("current", "0.1.0")
                .add("stage", stage).add("selfInstalling", true).add("canDownload", true).add("rolledBack", "")
                .add("failure", "").add("done", 0).add("total", 0);
    }

    @Test
    @Order(16)
    void a_burst_of_messages_renders_the_list_once_a_frame_and_a_hidden_conversation_screen_not_at_all() throws Exception {
        String c4 = "0c1a1e2b-0000-4000-8000-000000000004";
        // Counts how often the conversation list is redrawn (each render replaces its children once).
        ui.eval("window.__listRenders = 0; window.__listObserver?.disconnect();"
                + "window.__listObserver = new MutationObserver((records) => { window.__listRenders += records.length; });"
                + "window.__listObserver.observe(document.getElementById('conversation-list'), {childList: true});"
                + "return '';");
        ui.show("overview");
        ui.eval("window.__listRenders = 0; return '';");
        desktop.bridge.emit("conversation", FakeDesktop.conversation(c4, "周女士", "BOT", ""));
        for (int seq = 1; seq <= 100; seq++) {
            desktop.bridge.emit("message", FakeDesktop.message(c4, seq, "CUSTOMER", "第" + seq + "条", "11:00:00", null));
        }
        // The badge counts them while 会话 is hidden; the list itself is not drawn.
        ui.waitFor("document.getElementById('nav-unread').textContent === '99+'");
        assertEquals("0", ui.eval("return String(window.__listRenders);"), "hidden, the list is not redrawn");

        ui.show("conversations");
        ui.waitFor("[...document.querySelectorAll('.conversation-preview')].some((p) => p.textContent === '第100条')");
        ui.eval("window.__listRenders = 0; return '';");
        for (int seq = 101; seq <= 200; seq++) {
            desktop.bridge.emit("message", FakeDesktop.message(c4, seq, "CUSTOMER", "第" + seq + "条", "11:00:01", null));
        }
        ui.waitFor("[...document.querySelectorAll('.conversation-preview')].some((p) => p.textContent === '第200条')");
        int renders = Integer.parseInt(ui.eval("return String(window.__listRenders);"));
        assertTrue(renders >= 1 && renders < 50, "100 messages shown redrew the list " + renders + " times, at most once a frame");
        ui.eval("window.__listObserver.disconnect(); return '';");
    }
}
