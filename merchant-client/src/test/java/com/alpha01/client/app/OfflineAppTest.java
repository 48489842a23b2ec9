package com.alpha01.client.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.browser.CefRuntime;
import com.alpha01.client.browser.JcefExtension;
import com.alpha01.client.browser.UiDriver;
import com.alpha01.client.session.RegistrationCache;
import com.alpha01.client.session.StaffSession;
import com.alpha01.client.settings.AppSettings;
import com.alpha01.client.settings.ClientSettings;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreKey;
import com.alpha01.client.ui.ConversationCache;
import com.alpha01.client.ui.UiState;
import com.alpha01.protocol.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.cef.callback.CefDragData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real app (its Java side and window) started with neither Keycloak nor the server reachable:
 * it opens on its encrypted cache, says it is offline, lets staff browse past conversations and
 * reply (the reply waits in the encrypted outbox), read the knowledge base, change settings and see
 * its own status.
 */
@ExtendWith(JcefExtension.class)
class OfflineAppTest {

    private static final String C = "4b0e8d7a-0000-4000-8000-0000000000c1";
    private static final String CLIENT = "4b0e8d7a-0000-4000-8000-0000000000f1";
    private static final StoreKey KEY = StoreKey.passphrase("offline-app-test".toCharArray());

    @TempDir
    Path home;

    /** A script that drops a file of this name on {@code target} as Chromium would; returns defaultPrevented. */
    private static String drop(String target, String name) {
        return "const dt = new DataTransfer(); dt.items.add(new File(['x'], '" + name + "'));"
                + "const e = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });"
                + target + ".dispatchEvent(e); return String(e.defaultPrevented);";
    }

    @Test
    void with_no_server_the_app_opens_on_its_cache_and_stays_usable(CefRuntime cef) throws Exception {
        Files.writeString(home.resolve("client.properties"),
                "server.url=http://127.0.0.1:9\noidc.url=http://127.0.0.1:9/realms/alpha01\n");
        EncryptedStore store = EncryptedStore.open(home.resolve("store"), KEY);
        UiState earlier = new UiState();
        earlier.message(new Frame.Message("m1", C, 1, Frame.Sender.CUSTOMER, "明天还营业吗？",
                Instant.parse("2026-11-24T09:00:00Z"), "周先生", null));
        earlier.message(new Frame.Message("m2", C, 2, Frame.Sender.BOT, "营业的，9:00 开门。",
                Instant.parse("2026-11-24T09:00:04Z"), null, 1L));
        store.putString(ConversationCache.RECORD, earlier.cache().toString());
        store.putString(StaffSession.RECORD, "a-refresh-token-from-yesterday");
        store.putString(RegistrationCache.RECORD, "{\"clientId\":\"" + CLIENT + "\",\"merchantId\":\"m-1\","
                + "\"merchantCode\":\"demo-shop\",\"merchantName\":\"阿尔法咖啡 · 示范店\",\"staffName\":\"李小梅\"}");

        try (MerchantApp app = new MerchantApp(new ClientSettings(home), store)) {
            UiDriver ui = UiDriver.open(cef, app.bridge(), Duration.ofSeconds(20));
            app.attach(ui.window(), cef.chromiumVersion());
            app.start();

            ui.waitFor("document.querySelector('.status-text').textContent === '离线'");
            ui.waitFor("!document.getElementById('offline-banner').hidden");
            ui.waitFor("document.getElementById('status-merchant').textContent === '阿尔法咖啡 · 示范店'");
            assertEquals("true", ui.eval("return String(document.getElementById('sign-in').hidden)"),
                    "a kept session is not a signed-out one: no sign-in button");

            // History from the cache; a reply waits in the outbox until the server is back.
            ui.show("conversations");
            ui.click("[data-conversation-id='" + C + "']");
            ui.waitFor("document.querySelectorAll('#transcript .message').length === 2");
            assertEquals("周先生", ui.text("#transcript-title"));
            assertEquals("0", ui.eval("return String(document.querySelectorAll('.badge:not([hidden])').length)"),
                    "cached messages are not unread again");
            ui.type("#reply-text", "您好");
            ui.click("#reply-send");
            ui.waitFor("document.getElementById('reply-feedback').textContent === '已排队，连接恢复后自动发送'");
            ui.shoot(Path.of(System.getProperty("alpha01.screenshots", "target/screenshots")), "offline-zh-CN");

            // The knowledge base (the built-in FAQ on a first start), searched the way the bot searches it.
            ui.show("knowledge");
            ui.waitFor("document.querySelectorAll('#kb-list .kb-entry').length >= 5", Duration.ofSeconds(60));
            ui.type("#kb-search", "无线网络的密码是多少");
            ui.waitFor("document.querySelectorAll('#kb-hits .kb-hit').length >= 1");
            assertTrue(ui.text("#kb-hits .kb-hit p").contains("Alpha01-Guest"), ui.text("#kb-hits .kb-hit p"));

            // A file dragged from the desktop onto 知识库 is imported: CEF hands its path over when the
            // drag enters, the page's drop names it. Dropped elsewhere, the page cancels it.
            Path menu = Files.writeString(home.resolve("秋季菜单.md"), "# 秋季新品\n\n桂花拿铁 28 元，十月上市，限量供应。\n");
            CefDragData drag = CefDragData.create();
            drag.addFile(menu.toString(), menu.getFileName().toString());
            ui.window().drops().onDragEnter(null, drag, 0);
            assertEquals("true", ui.eval(drop("document.body", "秋季菜单.md")), "dropped outside 知识库: cancelled");
            ui.eval(drop("document.getElementById('kb-hits')", "秋季菜单.md"));
            ui.waitFor("[...document.querySelectorAll('#kb-docs .kb-doc-name')].some(n => n.textContent === '秋季菜单.md')",
                    Duration.ofSeconds(60));
            ui.type("#kb-search", "桂花拿铁多少钱");
            ui.waitFor("document.querySelector('#kb-hits .kb-hit p')?.textContent.includes('28 元')");
            ui.eval(drop("document.getElementById('kb-drop')", "不在拖动里的文件.pdf"));
            ui.waitFor("document.getElementById('kb-feedback').textContent.includes('拖入的不是本机上的文件')");

            // Settings are saved offline, in the encrypted store.
            ui.show("settings");
            ui.waitFor("document.getElementById('set-server').value === 'http://127.0.0.1:9'");
            ui.type("#set-capacity", "12");
            ui.type("#set-key", "sk-offline-0815");
            ui.click("#settings-save");
            ui.waitFor("document.getElementById('settings-feedback').textContent.startsWith('已保存')");
            ui.waitFor("document.getElementById('set-key-hint').textContent.includes('0815')");

            // Its own status: real figures of this process.
            ui.show("status");
            ui.waitFor("/^本程序 [1-9]\\d* MB/.test(document.getElementById('sys-memory').textContent)");
            assertTrue(ui.text("#sys-version").startsWith("0.1.0 · Chromium 146."), ui.text("#sys-version"));
            ui.waitFor("document.getElementById('sys-outbox').textContent === '1'");
            assertEquals("AES-256，密钥由口令生成", ui.text("#sys-store-key"), "the store was opened with a passphrase");
        }
        AppSettings saved = new AppSettings(EncryptedStore.open(home.resolve("store"), KEY), new ClientSettings(home));
        assertEquals(12, saved.capacity().orElseThrow());
        assertEquals("sk-offline-0815", saved.zhipuKey().orElseThrow());
        assertTrue(EncryptedStore.open(home.resolve("store"), KEY).getString(ConversationCache.RECORD).orElseThrow()
                .contains("明天还营业吗？"), "the cache is kept at close");
        assertTrue(EncryptedStore.open(home.resolve("store"), KEY).getString("outbox").orElseThrow().contains("您好"),
                "the queued reply is kept for the next start");
    }
}
