package com.alpha01.client.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every screen of the app in the real window, in zh-CN and en, saved to
 * {@code target/screenshots/<screen>-<lang>.png}; the glass blur checked from pixels; and the QR
 * and settings screens' forms sending what staff entered.
 */
class ScreensTest extends AppWindowTest {

    private static final List<String> SCREENS =
            List.of("overview", "conversations", "qr", "knowledge", "automation", "settings", "status");

    @Test
    void every_screen_is_captured_in_chinese_and_english() throws Exception {
        Map<String, BufferedImage> zh = captureAll("zh-CN");
        assertEquals("全部二维码", ui.eval("return document.querySelector('.qr-list-wrap .card-title').textContent"));
        ui.click("[data-lang=en]");
        ui.waitFor("document.documentElement.lang === 'en'");
        Map<String, BufferedImage> en = captureAll("en");
        assertEquals(List.of(), chineseInEnglish, "every text of the app in English, the shops' own data aside");
        ui.click("[data-lang='zh-CN']");
        ui.waitFor("document.documentElement.lang === 'zh-CN'");
        for (String screen : SCREENS) {
            assertTrue(TestImages.differingPixels(zh.get(screen), en.get(screen)) > 500,
                    screen + ": switching the language should change what is on screen");
        }
    }

    /**
     * The visible text (and labels) of the page with Han characters, outside what the shops and their customers
     * wrote ({@code [data-user]}: messages, names, knowledge, labels of codes) and outside the other language's
     * own switch ({@code lang="zh-CN"}).
     */
    static final String HAN_OUTSIDE_USER_DATA = "const out = [];"
            + "const han = /[\\u3400-\\u9fff]/;"
            + "const skip = (e) => e.closest('[data-user], [hidden], script, style, template, [lang^=\"zh\"]:not(html)');"
            + "const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
            + "while (walker.nextNode()) {"
            + "  const p = walker.currentNode.parentElement;"
            + "  if (!p || skip(p) || p.getClientRects().length === 0) continue;"
            + "  const text = walker.currentNode.textContent.trim();"
            + "  if (han.test(text)) out.push(text);"
            + "}"
            + "for (const e of document.querySelectorAll('[aria-label], [title], [placeholder]')) {"
            + "  if (skip(e) || e.getClientRects().length === 0) continue;"
            + "  for (const a of ['aria-label', 'title', 'placeholder']) {"
            + "    const v = e.getAttribute(a); if (v && han.test(v)) out.push(a + '=' + v);"
            + "  }"
            + "}"
            + "return JSON.stringify(out);";

    private final List<String> chineseInEnglish = new ArrayList<>();

    private Map<String, BufferedImage> captureAll(String lang) throws Exception {
        Map<String, BufferedImage> shots = new HashMap<>();
        for (String screen : SCREENS) {
            // Notices raised for one screen's shot (会话's hand-off toasts) stay 6 s; each screen is shot without
            // them.
            ui.eval("document.getElementById('toasts').replaceChildren(); return '';");
            ui.show(screen);
            switch (screen) {
                case "overview" -> ui.waitFor("document.querySelectorAll('#task-list .task').length === 1");
                case "conversations" -> {
                    ui.click("[data-conversation-id='" + FakeDesktop.C1 + "']");
                    ui.waitFor("document.querySelectorAll('#transcript .message').length === 3");
                    // A hand-off note and the notices staff get, worded in the page's language.
                    JsonObject note = Json.createObjectBuilder().add("reason", "MODEL").add("detail", "顾客想改约到周日")
                            .add("customer", "王女士").add("recent", Json.createArrayBuilder().add("可以外带吗？")).build();
                    desktop.bridge.emit("conversation", Json.createObjectBuilder(FakeDesktop.conversation(FakeDesktop.C1,
                            "王女士", "BOT", "")).add("needsStaff", true).add("note", note).build());
                    desktop.bridge.emit("notify", Json.createObjectBuilder().add("kind", "notice").add("key", "RULE_FAILED")
                            .add("params", Json.createObjectBuilder().add("rule", "发票咨询转人工").add("reason", "offline"))
                            .build());
                    desktop.bridge.emit("notify", Json.createObjectBuilder().add("kind", "handoff").add("customer", "王女士")
                            .build());
                    ui.waitFor("!document.getElementById('handoff-summary').hidden"
                            + " && document.querySelectorAll('#toasts .toast').length >= 2");
                }
                case "qr" -> ui.waitFor("document.querySelectorAll('#qr-rows tr').length === 3"
                        + " && document.querySelector('#qr-preview img').naturalWidth > 0");
                case "knowledge" -> {
                    ui.waitFor("document.querySelectorAll('#kb-list .kb-entry').length === 3");
                    ui.type("#kb-search", "招牌饮品多少钱");
                    ui.waitFor("document.querySelectorAll('#kb-hits .kb-hit').length === 2");
                }
                case "automation" -> ui.waitFor("document.querySelectorAll('#rule-list .rule').length === 5"
                        + " && document.querySelectorAll('#auto-log li').length === 3");
                case "settings" -> ui.waitFor("document.getElementById('set-server').value !== ''");
                case "status" -> ui.waitFor("document.getElementById('sys-memory').textContent.includes('356')");
                default -> { }
            }
            ui.eval("document.querySelectorAll('.panel, .wide').forEach((p) => { p.scrollTop = 0; });"
                    + "document.activeElement?.blur(); return 'ok'");
            BufferedImage image = ui.shoot(screenshots, screen + "-" + lang);
            if (lang.equals("en")) {
                String found = ui.eval(HAN_OUTSIDE_USER_DATA);
                if (!found.equals("[]")) {
                    chineseInEnglish.add(screen + ": " + found);
                }
            }
            TestImages.assertLooksRendered(screen + "-" + lang, image);
            shots.put(screen, image);
        }
        return shots;
    }

    @Test
    void glass_panels_blur_what_is_behind_them_when_the_full_glass_is_chosen() throws Exception {
        ui.show("automation");
        // This window has no GPU (the page then picks flat glass, see PacedRenderingTest): the full look is chosen here.
        ui.eval("document.documentElement.dataset.glass = 'blur'; return 'ok'");
        // A sharp stripe pattern behind an empty glass panel of the app's own style.
        ui.eval("const stripes = document.createElement('div'); stripes.id = 'blur-probe-stripes';"
                + "stripes.style.cssText = 'position:fixed;left:300px;top:200px;width:640px;height:360px;z-index:20;"
                + "background:repeating-linear-gradient(90deg,#000 0 6px,#fff 6px 12px)';"
                + "const glass = document.createElement('div'); glass.id = 'blur-probe-glass'; glass.className = 'glass';"
                + "glass.style.cssText = 'position:fixed;left:460px;top:280px;width:320px;height:200px;z-index:21';"
                + "document.body.append(stripes, glass); return 'ok'");
        double blurred = stripeContrast(ui.shoot(screenshots, "blur-probe"));
        ui.eval("document.getElementById('blur-probe-glass').style.backdropFilter = 'none'; return 'ok'");
        double sharp = stripeContrast(ui.window().screenshot(WAIT));
        ui.eval("document.getElementById('blur-probe-stripes').remove();"
                + "document.getElementById('blur-probe-glass').remove();"
                + "document.documentElement.dataset.glass = 'flat'; return 'ok'");
        double outside = outsideContrast;
        assertTrue(outside > 40, "the stripes outside the panel should be sharp, got " + outside);
        assertTrue(sharp > 20, "without backdrop-filter the stripes show through the panel, got " + sharp);
        assertTrue(blurred < sharp / 4, "the glass should blur the stripes: " + blurred + " vs " + sharp + " without blur");
    }

    private double outsideContrast;

    /**
     * Mean difference of horizontally adjacent pixels (green channel) inside the probe panel (its
     * middle, away from the border); also measures it on the stripes left of the panel.
     */
    private double stripeContrast(BufferedImage image) {
        outsideContrast = contrast(image, 310, 300, 440, 460);
        return contrast(image, 500, 320, 740, 440);
    }

    private static double contrast(BufferedImage image, int x0, int y0, int x1, int y1) {
        long sum = 0;
        long n = 0;
        for (int y = y0; y < y1; y += 2) {
            for (int x = x0; x < x1 - 1; x++) {
                sum += Math.abs(((image.getRGB(x, y) >> 8) & 0xFF) - ((image.getRGB(x + 1, y) >> 8) & 0xFF));
                n++;
            }
        }
        return (double) sum / n;
    }

    @Test
    void qr_screen_creates_with_what_staff_entered_and_revokes_only_after_confirmation() throws Exception {
        ui.show("qr");
        ui.type("#qr-label", "3 号桌");
        ui.type("#qr-scene", "table");
        ui.eval("document.getElementById('qr-validity').value = '7'; return 'ok'");
        ui.type("#qr-max-uses", "50");
        ui.click("#qr-create");
        JsonObject create = desktop.next("qr.create");
        assertNotNull(create, "create did not reach Java");
        assertEquals("3 号桌", create.getString("label"));
        assertEquals("table", create.getString("scene"));
        assertEquals(7, create.getInt("validForDays"));
        assertEquals(50, create.getInt("maxUses"));
        ui.waitFor("document.getElementById('qr-feedback').textContent === '已生成'");
        ui.waitFor("document.querySelector('#qr-rows tr[aria-selected=true]').dataset.qrId === '" + FakeDesktop.Q2 + "'");

        String revoke = "#qr-rows tr[data-qr-id='" + FakeDesktop.Q1 + "'] [data-qr-action=revoke]";
        ui.click(revoke);
        ui.waitFor("document.querySelector(\"" + revoke + "\").textContent === '再点一次确认撤销'");
        ui.click(revoke);
        JsonObject revoked = desktop.next("qr.revoke");
        assertNotNull(revoked, "revoke did not reach Java");
        assertEquals(FakeDesktop.Q1, revoked.getString("id"));
        // a revoked code has no revoke button; its label is text, not markup
        assertEquals("<b>旧海报</b>", ui.text("#qr-rows tr:last-child .qr-name span"));
        assertEquals("0", ui.eval("return String(document.querySelectorAll('#qr-rows tr:last-child [data-qr-action=revoke],"
                + " #qr-rows b').length)"));
    }

    @Test
    void automation_screen_toggles_edits_and_adds_rules_as_staff_entered_them() throws Exception {
        ui.show("automation");
        ui.waitFor("document.querySelectorAll('#rule-list .rule').length === 5");
        ui.click("#rule-list [data-rule-id=greeting] .switch");
        JsonObject enable = desktop.next("automation.enable");
        assertNotNull(enable, "the toggle did not reach Java");
        assertEquals("greeting", enable.getString("id"));
        assertTrue(enable.getBoolean("enabled"));

        ui.click("#rule-list [data-rule-id=parking] [data-rule-action=edit]");
        ui.waitFor("document.getElementById('rule-name').value === '停车'");
        ui.type("#rule-text", "门口 6 个车位，消费满 50 元免费停 2 小时。");
        ui.click("#rule-form [type=submit]");
        JsonObject edited = desktop.next("automation.save").getJsonObject("rule");
        assertEquals("parking", edited.getString("id"));
        assertEquals("KEYWORD", edited.getString("trigger"));
        assertEquals("停车|车位", edited.getString("match"));
        assertEquals("门口 6 个车位，消费满 50 元免费停 2 小时。", edited.getString("text"));
        // The page clears the form when Java's answer arrives, a moment after Java has the request: typing the
        // next rule before that saved it as "parking", or lost its required name to the clear (no submit at all).
        ui.waitFor("document.getElementById('rule-id').value === ''");

        ui.type("#rule-name", "开店提醒");
        ui.eval("const t = document.getElementById('rule-trigger'); t.value = 'SCHEDULE';"
                + "t.dispatchEvent(new Event('change')); document.getElementById('rule-action').value = 'NOTIFY_STAFF';"
                + "return 'ok'");
        ui.waitFor("document.getElementById('rule-match-caption').textContent.startsWith('时间表')");
        ui.type("#rule-match", "55 8 * * 1-5");
        ui.type("#rule-text", "还有 5 分钟开门");
        ui.click("#rule-form [type=submit]");
        JsonObject added = desktop.next("automation.save").getJsonObject("rule");
        assertTrue(added.getString("id").startsWith("rule-"), added.getString("id"));
        assertEquals("SCHEDULE", added.getString("trigger"));
        assertEquals("55 8 * * 1-5", added.getString("match"));
        assertEquals("NOTIFY_STAFF", added.getString("action"));
    }

    @Test
    void knowledge_screen_searches_edits_and_shows_import_progress_with_markup_as_text() throws Exception {
        ui.show("knowledge");
        ui.waitFor("document.querySelectorAll('#kb-docs .kb-doc').length === 3");
        assertEquals("builtin-faq", ui.eval("return [...document.querySelectorAll('#kb-docs .kb-doc')]"
                + ".filter(d => d.querySelector('.kb-doc-demo')).map(d => d.dataset.documentId).join(',')"),
                "only the demo FAQ is marked as sample content");
        assertTrue(ui.text("#kb-docs .kb-doc-demo").contains("导入本店第一份资料时自动移除"), ui.text("#kb-docs .kb-doc-demo"));
        assertTrue(ui.text("[data-document-id=builtin-faq] .kb-doc-meta").startsWith("示例 · 7 条"),
                ui.text("[data-document-id=builtin-faq] .kb-doc-meta"));
        ui.type("#kb-search", "燕麦拿铁");
        JsonObject search = desktop.next("knowledge.search");
        assertNotNull(search, "the search did not reach Java");
        assertEquals("燕麦拿铁", search.getString("q"));
        ui.waitFor("document.querySelector('#kb-hits .kb-hit .score').textContent === '相关度 0.82'");
        assertEquals("<b>招牌</b>：燕麦拿铁 26 元，可选低因。季节限定：冬季供应热红酒风味拿铁，售完即止。",
                ui.text("#kb-hits .kb-hit p"));
        assertEquals("离线时引用：<b>招牌</b>：燕麦拿铁 26 元，可选低因。", ui.text("#kb-hits .kb-hit .kb-hit-quote"),
                "what an offline answer would quote, as text");
        assertEquals("0", ui.eval("return String(document.querySelectorAll('#kb-hits .kb-hit')[1].querySelectorAll('.kb-hit-quote').length)"),
                "no quote line for a hit that is not confident");
        assertEquals("0", ui.eval("return String(document.querySelectorAll('#view-knowledge b:not(.x)').length)"));

        ui.click("#kb-list [data-entry-id=e2] [data-kb-action=edit]");
        ui.waitFor("document.getElementById('kb-answer').value.startsWith('美式 18 元')");
        ui.type("#kb-answer", "美式 18 元，拿铁 22 元，手冲 28 元起。");
        ui.click("#kb-form [type=submit]");
        JsonObject edit = desktop.next("knowledge.edit");
        assertEquals("e2", edit.getString("id"));
        assertEquals("美式 18 元，拿铁 22 元，手冲 28 元起。", edit.getString("text"));
        // Java's answer reaches the page a moment later, and its 已保存 would overwrite the import error below.
        ui.waitFor("document.getElementById('kb-feedback').textContent === '已保存'");

        desktop.bridge.emit("kbProgress", Json.createObjectBuilder().add("name", "菜单.docx").add("stage", "EMBEDDING")
                .add("done", 5).add("total", 10).build());
        ui.waitFor("!document.getElementById('kb-progress-box').hidden"
                + " && document.getElementById('kb-progress').value === 50");
        assertEquals("正在建立索引 菜单.docx：5/10", ui.text("#kb-progress-label"));
        desktop.bridge.emit("kbImported", Json.createObjectBuilder().add("name", "坏.pdf").add("ok", false)
                .add("error", "UNREADABLE").add("message", "x").build());
        ui.waitFor("document.getElementById('kb-feedback').textContent === '坏.pdf 导入失败：文件已损坏或无法读取'");
        ui.click("#kb-import");
        assertNotNull(desktop.next("knowledge.pick"), "the import button did not ask Java for the file dialog");
    }

    @Test
    void follow_up_tasks_from_the_assistant_are_listed_and_marked_done() throws Exception {
        ui.show("overview");
        ui.waitFor("document.querySelectorAll('#task-list .task').length === 1");
        assertTrue(ui.text("#task-list .task").startsWith("王女士想预订周六下午 6 人包间"));
        ui.click("#task-list [data-task-id=t1] button");
        assertEquals("t1", desktop.next("followups.done").getString("id"));
    }

    @Test
    void settings_screen_saves_without_ever_showing_the_key() throws Exception {
        ui.show("settings");
        ui.waitFor("document.getElementById('set-key-hint').textContent.includes('9f2c')");
        assertEquals("", ui.eval("return document.getElementById('set-key').value"));
        assertEquals("今日已用 15320 / 200000 tokens", ui.text("#set-usage"));
        ui.type("#set-tone", "热情、专业");
        ui.type("#set-capacity", "30");
        ui.type("#set-key", "sk-new-key-0042");
        ui.click("#settings-save");
        JsonObject saved = desktop.next("settings.save");
        assertNotNull(saved, "save did not reach Java");
        assertEquals(30, saved.getInt("capacity"));
        assertEquals("sk-new-key-0042", saved.getString("zhipuKey"));
        assertEquals("glm-4-air", saved.getString("zhipuModel"));
        assertEquals("热情、专业", saved.getString("shopTone"));
        assertEquals("周一至周日 9:00–21:00\n支持微信、支付宝", saved.getString("shopFacts"));
        assertEquals(200000, saved.getInt("dailyTokens"));
        ui.waitFor("document.getElementById('settings-feedback').textContent.startsWith('已保存')");
        assertEquals("", ui.eval("return document.getElementById('set-key').value"));
        assertFalse(ui.eval("return document.body.innerText").contains("sk-new-key"));
    }
}
