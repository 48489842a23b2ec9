package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.app.MerchantApp;
import com.alpha01.client.browser.CefRuntime;
import com.alpha01.client.browser.DesktopWindow;
import com.alpha01.client.browser.JcefExtension;
import com.alpha01.client.browser.UiDriver;
import com.alpha01.client.settings.ClientSettings;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreKey;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jboss.logging.Logger;

/**
 * The real merchant app (its Java side and its window in embedded Chromium, under the build's
 * Xvfb) against the real servers, driven through its UI: sign-in on Keycloak's page in the window
 * (code + PKCE), a customer served by the bot, staff taking over and replying, the customer's
 * typing shown, the server the app uses restarting (node B, killed and started again) with a reply
 * typed meanwhile sent once and a customer message written meanwhile arriving, the shop's QR codes
 * made and revoked, today's figures, the published update, and sign-out. The app talks to node B;
 * the customer to node A.
 */
@ExtendWith({ArquillianExtension.class, JcefExtension.class})
@RunAsClient
class MerchantDesktopIT {

    private static final Logger LOG = Logger.getLogger(MerchantDesktopIT.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void staff_serve_a_customer_through_the_app_and_nothing_is_lost_when_the_server_restarts(CefRuntime cef)
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String shop = "it-desk-" + run;
        String admin = com.alpha01.devstack.TokenClient.passwordGrant(TestEnvironment.issuer(), "merchant-client",
                "demo-admin", "Demo-admin-2026".toCharArray());
        assertEquals(200, Rest.post(admin, "/api/v1/admin/merchants",
                "{\"code\":\"" + shop + "\",\"name\":\"桌面测试店\"}").statusCode());
        TestEnvironment.Account staff = TestEnvironment.newStaff(shop);

        Path home = Files.createTempDirectory("alpha01-desktop-it");
        SecondNode b = SecondNode.start(Map.of());
        try {
            Files.writeString(home.resolve("client.properties"), "server.url=" + b.uri() + "\nclient.name=IT 前台\n");
            EncryptedStore store = EncryptedStore.open(home.resolve("store"), StoreKey.passphrase("it-desktop".toCharArray()));
            try (MerchantApp app = new MerchantApp(new ClientSettings(home), store)) {
                // Rules that depend on the time of day stay out of the way of this test's counts.
                assertTrue(app.bridge().dispatch("{\"type\":\"automation.enable\",\"payload\":"
                        + "{\"id\":\"after-hours\",\"enabled\":false}}").ok());
                UiDriver ui = UiDriver.open(cef, app.bridge(), WAIT);
                app.attach(ui.window(), cef.chromiumVersion());
                app.start();

                signIn(ui, staff);
                ui.waitFor("document.querySelector('.status-text').textContent === '在线'");
                ui.waitFor("document.getElementById('status-merchant').textContent === '桌面测试店'");
                ui.waitFor("document.querySelector('.qr-card img').naturalWidth > 0");
                String qrUrl = ui.text(".qr-card .qr-url");
                assertTrue(qrUrl.startsWith(b.uri() + "/"), qrUrl);

                // A customer scans the counter code (on node A); the bot answers from the local FAQ.
                JsonObject session = Customers.enter(qrUrl);
                String conv = session.getString("conversationId");
                try (Peer customer = Peer.connect(Customers.customerSocket(session.getString("ticket")), null)) {
                    customer.await(Frame.Welcome.class);
                    long question = Customers.say(customer, "你们几点开门？");
                    Frame.Message answer = customer.await(Frame.Message.class,
                            m -> m.sender() == Frame.Sender.BOT && Long.valueOf(question).equals(m.inReplyTo()));
                    assertTrue(answer.text().contains("9:00"), answer.text());
                    ui.waitFor("[...document.querySelectorAll('#toasts .toast')].some(t => t.textContent.startsWith('新会话'))");
                    ui.waitFor("document.getElementById('nav-unread').textContent === '1'");

                    // Staff open it, take over, see the customer typing, and reply.
                    ui.show("conversations");
                    ui.click("[data-conversation-id='" + conv + "']");
                    ui.waitFor("document.querySelectorAll('#transcript .message').length === 2");
                    ui.click("#btn-takeover");
                    Frame.State human = customer.await(Frame.State.class, s -> "HUMAN".equals(s.state()));
                    assertEquals(conv, human.conversationId());
                    ui.waitFor("document.getElementById('transcript-state').textContent.endsWith('接待中')");
                    customer.send(new Frame.Typing(conv, true));
                    ui.waitFor("!document.getElementById('typing').hidden");
                    ui.type("#reply-text", "您好，我是店员，今天 9 点开门");
                    customer.await(Frame.Typing.class, t -> t.typing());
                    ui.click("#reply-send");
                    customer.await(Frame.Message.class, m -> m.sender() == Frame.Sender.STAFF
                            && m.text().equals("您好，我是店员，今天 9 点开门"));
                    ui.shoot(screenshots(), "live-conversations-zh-CN");

                    // The app's server loses power. Staff reply meanwhile; the customer writes too.
                    b.kill();
                    ui.waitFor("!document.getElementById('offline-banner').hidden", Duration.ofSeconds(60));
                    ui.type("#reply-text", "稍等，马上为您确认");
                    ui.click("#reply-send");
                    ui.waitFor("document.getElementById('reply-feedback').textContent === '已排队，连接恢复后自动发送'");
                    long during = Customers.say(customer, "还要多久？");

                    LOG.info("Starting node B again");
                    // The customer stays present meanwhile (the ITs' server closes tabs idle for 25 s).
                    var keepAlive = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
                    keepAlive.scheduleAtFixedRate(() -> customer.send(new Frame.Typing(conv, false)), 8, 8,
                            java.util.concurrent.TimeUnit.SECONDS);
                    try {
                        b = SecondNode.start(Map.of());
                    } finally {
                        keepAlive.shutdownNow();
                    }
                    assertTrue(awaitStaying(customer, conv, m -> m.sender() == Frame.Sender.STAFF
                            && m.text().equals("稍等，马上为您确认"), Duration.ofSeconds(120)),
                            "the reply queued during the outage reaches the customer");
                    ui.waitFor("document.querySelector('.status-text').textContent === '在线'", Duration.ofSeconds(60));
                    ui.waitFor("[...document.querySelectorAll('#transcript .message-text')].some(t => t.textContent === '还要多久？')",
                            Duration.ofSeconds(60));
                    assertEquals(1, Db.count("select count(*) from chat_message where conversation_id = ?::uuid "
                            + "and sender = 'STAFF' and body = ?", conv, "稍等，马上为您确认"), "the queued reply is stored once");
                    // The app shows it first and acknowledges it right after: the server records that a moment later.
                    Waits.until("the message written during the outage is acknowledged by the app", () -> Db.count(
                            "select count(*) from chat_message where conversation_id = ?::uuid "
                            + "and seq = ? and delivered_at is not null", conv, during) == 1);
                }

                // Today's figures come from the server; the update the server publishes is shown.
                ui.show("overview");
                ui.waitFor("document.getElementById('stats-source').hidden"
                        + " && Number(document.getElementById('stat-conversations').textContent) >= 1");
                // The week's trend (the server's roll-up, a pass every 15 s; the app asks every 30 s) as a chart.
                ui.waitFor("!document.getElementById('trend-chart').hidden"
                        + " && document.querySelector('#trend-chart canvas') !== null"
                        + " && document.getElementById('trend-summary').textContent.includes('个会话')", Duration.ofSeconds(90));
                ui.shoot(screenshots(), "live-overview-zh-CN");
                ui.show("status");
                ui.waitFor("document.getElementById('sys-update').textContent === '有新版本 9.9.0 可用'");
                ui.shoot(screenshots(), "live-status-zh-CN");

                // QR codes: made with a label, listed, printed from its image, revoked after confirmation.
                ui.show("qr");
                ui.type("#qr-label", "门口海报");
                ui.click("#qr-create");
                ui.waitFor("document.getElementById('qr-feedback').textContent === '已生成'");
                ui.waitFor("document.querySelector('#qr-rows tr[aria-selected=true] .qr-name span').textContent === '门口海报'");
                ui.waitFor("document.querySelector('#qr-preview img').naturalWidth > 0");
                String id = ui.eval("return document.querySelector('#qr-rows tr[aria-selected=true]').dataset.qrId");
                String revoke = "#qr-rows tr[data-qr-id='" + id + "'] [data-qr-action=revoke]";
                ui.click(revoke);
                ui.click(revoke);
                ui.waitFor("document.querySelector(\"#qr-rows tr[data-qr-id='" + id + "'] .chip\").textContent === '已撤销'");
                assertEquals(1, Db.count("select count(*) from qr_code where id = ?::uuid and revoked_at is not null", id));

                // Sign out: the session ends and is forgotten; the cache stays for browsing.
                ui.show("settings");
                ui.waitFor("document.getElementById('set-account').textContent.includes('" + staff.username() + "')");
                ui.click("#sign-out");
                ui.waitFor("document.querySelector('.status-text').textContent === '未登录'");
                assertFalse(store.getString("session").isPresent(), "the kept session is forgotten");
                assertTrue(store.getString("conversations").orElse("").contains(conv), "the conversation cache stays");
            }
        } finally {
            b.close();
        }
    }

    /**
     * Waits for a message while the customer stays present (a typing notice every 8 s: the ITs'
     * server closes customer tabs idle for 25 s).
     */
    private static boolean awaitStaying(Peer customer, String conv, java.util.function.Predicate<Frame.Message> test,
            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (customer.poll(Frame.Message.class, test, Duration.ofSeconds(8)) != null) {
                return true;
            }
            customer.send(new Frame.Typing(conv, false));
        }
        return false;
    }

    /** The app shows Keycloak's own sign-in page in its window; staff type their password there. */
    private static void signIn(UiDriver ui, TestEnvironment.Account staff) throws Exception {
        ui.waitFor("!document.getElementById('sign-in').hidden");
        ui.click("#sign-in");
        DesktopWindow window = ui.window();
        Waits.until("Keycloak's sign-in page shows in the window", () -> window.url().contains("/protocol/openid-connect/auth")
                || window.url().contains("/login-actions/"));
        ui.waitFor("document.getElementById('username') !== null && document.getElementById('password') !== null");
        ui.eval("document.getElementById('username').value = " + UiDriver.js(staff.username()) + ";"
                + "document.getElementById('password').value = " + UiDriver.js(staff.password()) + ";"
                + "document.querySelector('[type=submit]').click(); return 'ok'");
        Waits.until("the app is back in the window", Duration.ofSeconds(60), () -> window.url().startsWith("app://"));
        ui.waitFor("document.body.dataset.ready === 'true'");
    }

    private static Path screenshots() {
        return Path.of(System.getProperty("alpha01.screenshots", "target/screenshots"));
    }
}
