package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.Frame;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The QR life cycle through the real REST API and {@code /connect}: use limits, expiry,
 * revocation, forged tokens and swapped merchant/client ids, each scan recorded with its outcome;
 * the per-code funnel; re-issue; PNG, SVG and the printable sheet; and another merchant's staff
 * reaching none of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QrLifecycleIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void every_rule_holds_and_every_scan_is_recorded_with_its_outcome() throws Exception {
        try (KeycloakSession staff = staff()) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration counter = api.register("it-qr-" + UUID.randomUUID(), "IT 收银台", "it");
            ServerApi.Registration terrace = api.register("it-qr-" + UUID.randomUUID(), "IT 露台", "it");

            // A one-time code: the first scan enters, the second finds it used up.
            ServerApi.QrCode once = api.createQr(counter.clientId(), "一次性", "table-1", null, 1);
            assertEquals(303, Customers.scan(once.url()).statusCode());
            HttpResponse<String> usedUp = Customers.scan(once.url());
            assertEquals(410, usedUp.statusCode());
            assertTrue(usedUp.body().contains("QR_INACTIVE") && usedUp.body().contains("已停用"), usedUp.body());
            JsonObject onceView = api.qr(once.id());
            assertEquals("USED_UP", onceView.getString("status"));
            assertEquals("table-1", onceView.getString("scene"));
            assertEquals(1, onceView.getJsonObject("funnel").getJsonObject("outcomes").getInt("VALID"));
            assertEquals(1, onceView.getJsonObject("funnel").getJsonObject("outcomes").getInt("USED_UP"));

            // An expiring code: after its time, a friendly page in both languages, never a stack trace.
            ServerApi.QrCode brief = api.createQr(counter.clientId(), "限时", null, 1L, null);
            Instant expires = Instant.ofEpochSecond(Long.parseLong(brief.url().replaceAll(".*expires=(\\d+).*", "$1")));
            Waits.until("the code's time is over", () -> Instant.now().isAfter(expires.plusMillis(1200)));
            HttpResponse<String> expired = Customers.scan(brief.url());
            assertEquals(410, expired.statusCode());
            assertTrue(expired.body().contains("已过期") && expired.body().contains("expired"), expired.body());
            assertFalse(expired.body().contains("Exception"));
            assertEquals("EXPIRED", api.qr(brief.id()).getString("status"));

            // Revoked: scans fail from now on.
            ServerApi.QrCode revoked = api.createQr(null, "桌贴", "table-2", null, null);
            assertEquals(303, Customers.scan(revoked.url()).statusCode());
            assertEquals("REVOKED", api.revokeQr(revoked.id()).getString("status"));
            assertEquals(410, Customers.scan(revoked.url()).statusCode());

            // Forged token, and the right token with swapped merchant/client ids.
            long forgedBefore = Db.count("select count(*) from qr_scan where outcome = 'FORGED'");
            ServerApi.QrCode good = api.createQr(counter.clientId(), "柜台", "counter", null, null);
            String forgedUrl = good.url().replaceAll("token=[^&]+", "token=" + "A".repeat(43));
            assertEquals(404, Customers.scan(forgedUrl).statusCode());
            assertEquals(forgedBefore + 1, Db.count("select count(*) from qr_scan where outcome = 'FORGED'"));
            assertEquals(404, Customers.scan(good.url().replace(counter.clientId(), terrace.clientId())).statusCode());
            assertEquals(404, Customers.scan(good.url().replace(counter.merchantId(), UUID.randomUUID().toString()))
                    .statusCode());
            JsonObject goodView = api.qr(good.id());
            assertEquals("ACTIVE", goodView.getString("status"));
            assertEquals(2, goodView.getJsonObject("funnel").getJsonObject("outcomes").getInt("MISMATCH"));
            assertEquals(303, Customers.scan(good.url()).statusCode(), "a mismatch does not spend the code");

            // The list shows all of them with their standing, newest first.
            var list = api.listQr();
            assertEquals(good.id(), list.getJsonObject(0).getString("id"));
            assertEquals(java.util.Set.of("USED_UP", "EXPIRED", "REVOKED", "ACTIVE"), list.stream()
                    .map(v -> v.asJsonObject()).filter(v -> java.util.List.of(once.id(), brief.id(), revoked.id(),
                            good.id()).contains(v.getString("id"))).map(v -> v.getString("status"))
                    .collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void the_funnel_counts_scans_sign_ins_conversations_and_first_replies() throws Exception {
        try (KeycloakSession staff = staff()) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-funnel-" + UUID.randomUUID(), "IT 漏斗", "it");
            ServerApi.QrCode code = api.createQr(reg.clientId(), "漏斗", "door", null, null);
            try (AnsweringClient client = AnsweringClient.online(reg.clientId(), staff, m -> { })) {
                // Scan 1: signs in, writes, gets an answer. Scan 2: signs in, writes nothing. Scan 3: walks away.
                JsonObject chatty = Customers.enter(code.url());
                try (Peer customer = Peer.connect(Customers.customerSocket(chatty.getString("ticket")), null)) {
                    customer.await(Frame.Welcome.class);
                    long seq = Customers.say(customer, "你好");
                    customer.await(Frame.Message.class, m -> Long.valueOf(seq).equals(m.inReplyTo()));
                }
                assertEquals(200, Customers.openSession(Customers.scanId(Customers.scan(code.url())),
                        TestEnvironment.newCustomerToken()).statusCode());
                assertEquals(303, Customers.scan(code.url()).statusCode());

                JsonObject funnel = api.qr(code.id()).getJsonObject("funnel");
                assertEquals(3, funnel.getInt("scans"));
                assertEquals(3, funnel.getJsonObject("outcomes").getInt("VALID"));
                assertEquals(2, funnel.getInt("signedIn"));
                assertEquals(1, funnel.getInt("conversationStarted"));
                assertEquals(1, funnel.getInt("firstReply"));
            }
        }
    }

    @Test
    void reissue_revokes_the_old_code_and_rendering_draws_only_active_codes() throws Exception {
        try (KeycloakSession staff = staff()) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-print-" + UUID.randomUUID(), "IT 打印", "it");
            ServerApi.QrCode old = api.createQr(reg.clientId(), "<b>二楼</b> 靠窗", "floor-2", 86_400L, 5);
            ServerApi.QrCode fresh = api.reissueQr(old.id());
            assertEquals("REVOKED", api.qr(old.id()).getString("status"));
            JsonObject freshView = api.qr(fresh.id());
            assertEquals("ACTIVE", freshView.getString("status"));
            assertEquals("<b>二楼</b> 靠窗", freshView.getString("label"));
            assertEquals("floor-2", freshView.getString("scene"));
            assertEquals(5, freshView.getInt("maxUses"));
            assertFalse(freshView.isNull("expiresAt"), "the same validity period");
            assertEquals(410, Customers.scan(old.url()).statusCode());
            assertEquals(303, Customers.scan(fresh.url()).statusCode());

            // The PNG decodes back to the URL; the SVG is a QR code; the sheet names the shop, escapes the label.
            byte[] png = api.renderQr(fresh.url(), "png");
            assertEquals(fresh.url(), decode(png));
            assertEquals(fresh.url(), decode(fresh.png()));
            String svg = new String(api.renderQr(fresh.url(), "svg"), StandardCharsets.UTF_8);
            assertTrue(svg.startsWith("<svg") && svg.contains("<path"), svg.substring(0, 80));
            String sheet = new String(api.renderQr(fresh.url(), "sheet"), StandardCharsets.UTF_8);
            assertTrue(sheet.contains("扫码咨询") && sheet.contains(reg.merchantName()) && sheet.contains("size: A4"));
            assertTrue(sheet.contains("&lt;b&gt;二楼&lt;/b&gt; 靠窗") && !sheet.contains("<b>二楼"), "the label is text");
            assertFalse(sheet.contains("<script"));
            // Kept for people to look at (and print): target/screenshots/qr-sheet.html.
            java.nio.file.Path shots = java.nio.file.Files.createDirectories(
                    java.nio.file.Path.of(System.getProperty("alpha01.screenshots")));
            java.nio.file.Files.writeString(shots.resolve("qr-sheet.html"), sheet);

            ServerApi.ApiException inactive = assertThrows(ServerApi.ApiException.class,
                    () -> api.renderQr(old.url(), "png"));
            assertEquals(409, inactive.status());
            ServerApi.ApiException forged = assertThrows(ServerApi.ApiException.class,
                    () -> api.renderQr(fresh.url().replaceAll("token=[^&]+", "token=" + "B".repeat(43)), "svg"));
            assertEquals(404, forged.status());
            assertEquals(400, assertThrows(ServerApi.ApiException.class,
                    () -> api.renderQr(fresh.url(), "gif")).status());
        }
    }

    @Test
    void the_counter_code_is_kept_across_client_restarts_until_it_is_revoked() throws Exception {
        try (KeycloakSession staff = staff()) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-counter-" + UUID.randomUUID(), "IT 柜台", "it");
            java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("alpha01-store");
            var key = com.alpha01.client.store.StoreKey.passphrase("it-store-passphrase".toCharArray());
            ServerApi.QrCode first = com.alpha01.client.session.CounterCode.of(api,
                    com.alpha01.client.store.EncryptedStore.open(folder, key), reg.clientId());
            // The app starts again (a new store object on the same folder): the same, still printed code.
            ServerApi.QrCode again = com.alpha01.client.session.CounterCode.of(api,
                    com.alpha01.client.store.EncryptedStore.open(folder, key), reg.clientId());
            assertEquals(first.id(), again.id());
            assertEquals(first.url(), decode(again.png()));
            api.revokeQr(first.id());
            ServerApi.QrCode replaced = com.alpha01.client.session.CounterCode.of(api,
                    com.alpha01.client.store.EncryptedStore.open(folder, key), reg.clientId());
            assertFalse(first.id().equals(replaced.id()), "a revoked code is replaced");
            assertEquals(303, Customers.scan(replaced.url()).statusCode());
            try (var files = java.nio.file.Files.walk(folder)) {
                for (var f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(f);
                }
            }
        }
    }

    @Test
    void another_merchants_staff_reach_none_of_the_codes() throws Exception {
        try (KeycloakSession staff = staff()) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.QrCode ours = api.createQr(null, "本店", null, null, null);
            TestEnvironment.Account stranger = TestEnvironment.newStaff("qr-other-shop");
            try (KeycloakSession other = KeycloakSession.signIn(TestEnvironment.issuer(), stranger.username(),
                    stranger.password().toCharArray())) {
                ServerApi theirs = new ServerApi(TestEnvironment.serverUri(), other);
                for (var call : java.util.List.<org.junit.jupiter.api.function.Executable>of(
                        () -> theirs.qr(ours.id()), () -> theirs.revokeQr(ours.id()), () -> theirs.reissueQr(ours.id()),
                        () -> theirs.renderQr(ours.url(), "png"))) {
                    assertEquals(404, assertThrows(ServerApi.ApiException.class, call).status());
                }
                assertTrue(theirs.listQr().stream().noneMatch(v -> v.asJsonObject().getString("id").equals(ours.id())));
                assertEquals(400, assertThrows(ServerApi.ApiException.class,
                        () -> theirs.createQr(UUID.randomUUID().toString(), null, null, -5L, null)).status());
            }
            assertEquals("ACTIVE", api.qr(ours.id()).getString("status"), "nothing changed");
            assertNull(Db.query("select revoked_at from qr_code where id = ?", UUID.fromString(ours.id())).get(0).get(0));
        }
    }

    private static KeycloakSession staff() throws Exception {
        return KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff", TestEnvironment.STAFF_PASSWORD.toCharArray());
    }

    private static String decode(byte[] png) throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        // A generated image, not a photo: PURE_BARCODE (ZXing's finder search misses some perfect codes).
        // QR only: MultiFormatReader also tries 1-D formats and can read a random code as an 8-digit barcode.
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image))), java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE,
                Boolean.TRUE)).getText();
    }
}
