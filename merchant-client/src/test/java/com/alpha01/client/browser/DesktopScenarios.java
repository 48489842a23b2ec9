package com.alpha01.client.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.bridge.BridgeException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jboss.logging.Logger;

/**
 * The real-window checks, run in a JVM of their own whose {@code DISPLAY} points at an X server
 * (see {@link DesktopWindowTest}). Opens the window once, runs each scenario in order and writes one
 * line per scenario to the results file: {@code PASS name} or {@code FAIL name message}.
 */
public final class DesktopScenarios {

    static final List<String> NAMES = List.of(
            "page loads from app:// and shows the snapshot",
            "events emitted before the page loaded are delivered",
            "glass panels use backdrop-filter",
            "JS request round-trips through a Java handler",
            "bridge errors reach JS with their code",
            "emitted message is shown as literal text, deduplicated",
            "reply box sends a reply request to Java",
            "screenshots zh-CN show a rendered page",
            "language switch to en relabels the UI and tells Java",
            "screenshots en differ from zh-CN");

    private static final Logger LOG = Logger.getLogger(DesktopScenarios.class);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String XSS = "<img src=x onerror=alert(1)>";

    private final BlockingQueue<JsonObject> replies = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> languages = new LinkedBlockingQueue<>();
    private final Map<String, BufferedImage> shots = new LinkedHashMap<>();
    private final Path screenshots;
    private final Bridge bridge = new Bridge();
    private DesktopWindow window;

    private DesktopScenarios(Path screenshots) {
        this.screenshots = screenshots;
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        Path jcefDir = Path.of(System.getProperty("alpha01.jcef.dir", "target/jcef-bundle"));
        Path screenshots = Path.of(System.getProperty("alpha01.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
        List<String> lines = new DesktopScenarios(screenshots).runAll(jcefDir);
        Files.write(results, lines, StandardCharsets.UTF_8);
        Runtime.getRuntime().exit(0);
    }

    private List<String> runAll(Path jcefDir) {
        List<Scenario> scenarios = List.of(this::snapshotShown, this::queuedEventsDelivered, this::glass,
                this::roundTrip, this::errors, this::literalText, this::reply, this::screenshotsZh,
                this::switchLanguage, this::screenshotsEn);
        List<String> lines = new ArrayList<>();
        try {
            registerHandlers();
            bridge.emit("conversation", conversation("c-2", "陈先生", "2025-01-01T09:30:00Z"));
            bridge.emit("message", message("c-2", 1, "CUSTOMER", "请问可以预约明天下午吗？", "2025-01-01T09:30:00Z"));
            window = DesktopWindow.open(jcefDir, "阿尔法01 · 商家端", bridge);
            assertTrue(window.awaitLoaded(1, Duration.ofSeconds(60)), "the page did not load");
            waitFor("document.body.dataset.ready === 'true'");
        } catch (Throwable e) {
            LOG.error("Could not open the window", e);
            NAMES.forEach(name -> lines.add("FAIL\t" + name + "\twindow did not open: " + oneLine(e)));
            closeWindow();
            return lines;
        }
        for (int i = 0; i < scenarios.size(); i++) {
            try {
                scenarios.get(i).run();
                lines.add("PASS\t" + NAMES.get(i));
            } catch (Throwable e) {
                LOG.errorf(e, "Scenario failed: %s", NAMES.get(i));
                lines.add("FAIL\t" + NAMES.get(i) + "\t" + oneLine(e));
            }
        }
        closeWindow();
        return lines;
    }

    private void closeWindow() {
        if (window != null) {
            window.close();
        }
        bridge.close();
    }

    private void registerHandlers() {
        bridge.on(Bridge.READY, request -> Json.createObjectBuilder()
                .add("status", Json.createObjectBuilder().add("state", "online").add("server", "https://alpha01.example.cn")
                        .add("merchantName", "星河咖啡 · 南山店").add("staffName", "李小梅").add("clientId", "c7f3-19ab-4e21"))
                .add("conversations", Json.createArrayBuilder().add(Json.createObjectBuilder(
                        conversation("c-1", "王女士", "2025-01-01T10:02:00Z")).add("messages", Json.createArrayBuilder()
                        .add(message("c-1", 1, "CUSTOMER", "你好，请问今天营业到几点？", "2025-01-01T10:00:00Z"))
                        .add(message("c-1", 2, "BOT", "您好！我们今天营业到晚上 10 点，欢迎光临。", "2025-01-01T10:00:05Z"))
                        .add(message("c-1", 3, "CUSTOMER", "可以外带吗？有没有燕麦拿铁？", "2025-01-01T10:02:00Z")))))
                .add("qr", Json.createObjectBuilder().add("url", "https://alpha01.example.cn/connect?merchant_id=m-1024")
                        .add("png", TestImages.qrLikePngDataUri()))
                .build());
        bridge.on("echo", request -> Json.createObjectBuilder().add("echo", request).add("by", "java").build());
        bridge.on("fail", request -> {
            throw new BridgeException("NOPE", "refused on purpose");
        });
        bridge.on("reply", request -> {
            replies.add(request);
            return Json.createObjectBuilder().add("queued", false).build();
        });
        bridge.on("setLanguage", request -> {
            languages.add(request.getString("lang", ""));
            return JsonObject.EMPTY_JSON_OBJECT;
        });
    }

    private void snapshotShown() throws Exception {
        assertEquals("app://local/index.html", eval("return location.href"));
        assertEquals("阿尔法01 · 商家端", eval("return document.title"));
        waitFor("document.querySelector('.status-text').textContent === '在线'");
        assertEquals("星河咖啡 · 南山店", eval("return document.getElementById('status-merchant').textContent"));
        waitFor("document.querySelector('.qr-card img').complete && document.querySelector('.qr-card img').naturalWidth > 0");
    }

    private void queuedEventsDelivered() throws Exception {
        waitFor("document.getElementById('stat-conversations').textContent === '2'");
        assertEquals(0, bridge.queuedEvents());
    }

    private void glass() throws Exception {
        String filter = eval("return getComputedStyle(document.querySelector('.status-card')).backdropFilter");
        assertTrue(filter.contains("blur"), filter);
    }

    private void roundTrip() throws Exception {
        String result = eval("const { request } = await import('app://local/js/bridge.js');"
                + "return JSON.stringify(await request('echo', { n: 41, text: '你好' }));");
        JsonObject json = Json.createReader(new StringReader(result)).readObject();
        assertEquals("java", json.getString("by"));
        assertEquals(41, json.getJsonObject("echo").getInt("n"));
        assertEquals("你好", json.getJsonObject("echo").getString("text"));
    }

    private void errors() throws Exception {
        String codes = eval("const { request } = await import('app://local/js/bridge.js');"
                + "const code = (p) => p.then(() => 'ok', (e) => e.code);"
                + "const raw = await new Promise((resolve) => window.cefQuery({ request: '{not json',"
                + " onSuccess: () => resolve('ok'), onFailure: (s, m) => resolve(JSON.parse(m).code) }));"
                + "return [await code(request('noSuchThing')), await code(request('fail')), raw].join(',');");
        assertEquals("UNKNOWN_REQUEST,NOPE,BAD_REQUEST", codes);
    }

    private void literalText() throws Exception {
        bridge.emit("conversation", conversation("c-3", "<b>赵</b>", "2025-01-01T08:00:00Z"));
        JsonObject evil = message("c-3", 1, "CUSTOMER", XSS, "2025-01-01T08:00:00Z");
        bridge.emit("message", evil);
        bridge.emit("message", evil);
        eval("document.querySelector('[data-view=conversations]').click(); return 'ok'");
        waitFor("document.querySelector('[data-conversation-id=\"c-3\"]') !== null");
        eval("document.querySelector('[data-conversation-id=\"c-3\"]').click(); return 'ok'");
        waitFor("document.getElementById('transcript-title').textContent === '<b>赵</b>'");
        assertEquals(XSS, eval("return document.querySelector('#transcript .message-text').textContent"));
        assertEquals("1", eval("return String(document.querySelectorAll('#transcript .message').length)"));
        assertEquals("0", eval("return String(document.querySelectorAll('main img:not(.qr-tile img), main b').length)"));
    }

    private void reply() throws Exception {
        eval("const input = document.getElementById('reply-text'); input.value = '  好的，马上为您准备。 ';"
                + "document.getElementById('reply-form').requestSubmit(); return 'ok'");
        JsonObject request = replies.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(request, "no reply request reached Java");
        assertEquals("c-3", request.getString("conversationId"));
        assertEquals("好的，马上为您准备。", request.getString("text"));
        waitFor("document.getElementById('reply-feedback').textContent === '已发送'");
    }

    private void screenshotsZh() throws Exception {
        eval("document.querySelector('[data-conversation-id=\"c-1\"]').click(); return 'ok'");
        waitFor("document.querySelectorAll('#transcript .message').length === 3");
        shoot("conversations-zh-CN");
        eval("document.querySelector('[data-view=overview]').click(); return 'ok'");
        waitFor("!document.getElementById('view-overview').hidden");
        shoot("overview-zh-CN");
    }

    private void switchLanguage() throws Exception {
        eval("document.querySelector('[data-lang=en]').click(); return 'ok'");
        waitFor("document.querySelector('[data-view=overview] .nav-label').textContent === 'Overview'");
        assertEquals("Online", eval("return document.querySelector('.status-text').textContent"));
        assertEquals("en", eval("return document.documentElement.lang"));
        assertEquals("en", languages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void screenshotsEn() throws Exception {
        shoot("overview-en");
        eval("document.querySelector('[data-view=conversations]').click(); return 'ok'");
        waitFor("document.querySelector('.topbar-title').textContent === 'Conversations'");
        shoot("conversations-en");
        for (String screen : List.of("overview", "conversations")) {
            assertTrue(TestImages.differingPixels(shots.get(screen + "-zh-CN"), shots.get(screen + "-en")) > 500,
                    screen + ": switching the language should change what is on screen");
        }
    }

    private void shoot(String name) throws Exception {
        BufferedImage image = window.screenshot(WAIT);
        ImageIO.write(image, "png", screenshots.resolve(name + ".png").toFile());
        shots.put(name, image);
        TestImages.assertLooksRendered(name, image);
    }

    private String eval(String functionBody) throws Exception {
        // a little longer than WAIT, so that waitFor's own deadline in the page is what reports a timeout
        return window.evaluate(functionBody).get(WAIT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    }

    /** Polls a JavaScript condition inside the page until it holds or the deadline passes. */
    private void waitFor(String condition) throws Exception {
        String result = eval("const end = Date.now() + " + WAIT.toMillis() + ";"
                + "while (Date.now() < end) { try { if (" + condition + ") return 'true'; } catch (e) {}"
                + " await new Promise((r) => setTimeout(r, 25)); }"
                + "return 'false';");
        assertEquals("true", result, () -> "timed out waiting for " + condition);
    }

    private static JsonObject conversation(String id, String customer, String updatedAt) {
        return Json.createObjectBuilder().add("conversationId", id).add("customer", customer).add("state", "BOT")
                .add("updatedAt", updatedAt).build();
    }

    private static JsonObject message(String id, int seq, String sender, String text, String at) {
        return Json.createObjectBuilder().add("conversationId", id).add("seq", seq).add("sender", sender)
                .add("text", text).add("at", Instant.parse(at).toString()).build();
    }

    private static String oneLine(Throwable e) {
        return (e.getClass().getSimpleName() + ": " + e.getMessage()).replaceAll("\\s+", " ");
    }

    @FunctionalInterface
    private interface Scenario {
        void run() throws Exception;
    }
}
