package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.protocol.CloseCodes;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * HTTP rate limits (D43), bounded floods on loopback. The per-address floods come from 127.0.0.2 at
 * production's default limits (the ITs exempt only 127.0.0.1, their own address); the per-code and
 * per-user floods run at the ITs' limits (ear/pom.xml). Each flood sends at least three times a
 * limit's burst, and refills are slow enough that a flood is over its limit however slowly it runs:
 * no outcome depends on timing. While one caller floods, another is served.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RateLimitIT {

    private static final String FLOODER = "127.0.0.2";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void a_forged_scan_flood_is_stopped_after_a_few_tries_logged_once_and_another_customer_still_chats() throws Exception {
        FromAddress flooder = new FromAddress(FLOODER);
        String merchant = UUID.randomUUID().toString();
        long forgedBefore = Db.count("select count(*) from qr_scan where outcome = 'FORGED' and merchant_id = ?::uuid", merchant);
        long logBefore = logLines("Rate limit BAD_SCAN reached by 127.0.0.x");
        int notFound = 0;
        int limited = 0;
        for (int i = 0; i < 100; i++) {
            FromAddress.Answer page = flooder.get("/connect?merchant_id=" + merchant + "&token=" + "F".repeat(40) + i);
            if (page.status() == 429) {
                limited++;
                assertTrue(Long.parseLong(page.header("Retry-After")) >= 1, page.headers().toString());
                assertTrue(page.body().contains("RATE_LIMITED") && page.body().contains("扫码太频繁"), page.body());
            } else {
                assertEquals(404, page.status(), page.body());
                notFound++;
            }
        }
        // Production's default: 20 failed scans at once, then 10 a minute.
        assertTrue(limited >= 60, "refused " + limited + " of 100");
        assertEquals(notFound, Db.count("select count(*) from qr_scan where outcome = 'FORGED' and merchant_id = ?::uuid",
                merchant) - forgedBefore, "a refused scan is not even judged");
        assertEquals(1, logLines("Rate limit BAD_SCAN reached by 127.0.0.x") - logBefore, "the flood is one log line");

        try (ChatScene other = ChatScene.open("rate-other", "还营业吗")) {
            other.client.send(new Frame.Reply("rate-other-1", other.conv, "营业", Frame.Sender.STAFF, other.question));
            other.customer.await(Frame.Message.class, m -> Long.valueOf(other.question).equals(m.inReplyTo()));
        }
    }

    @Test
    void an_address_over_its_request_limit_gets_429_json_while_another_address_is_served() throws Exception {
        // Over plain HTTP, which the limit meters before redirecting: no TLS handshake per request slows the flood.
        FromAddress flooder = new FromAddress(FLOODER, TestEnvironment.plainServerUri());
        int limited = 0;
        for (int i = 0; i < 600; i++) {
            FromAddress.Answer answer = flooder.get("/api/v1/qr-codes", "Accept: application/json");
            if (answer.status() == 429) {
                limited++;
                assertTrue(answer.body().contains("\"error\":\"RATE_LIMITED\""), answer.body());
                assertTrue(Long.parseLong(answer.header("Retry-After")) >= 1);
            } else {
                assertEquals(301, answer.status(), "under the limit: on to HTTPS");
            }
        }
        // Production's default: a burst of 200, then 50 a second; 600 requests are over it unless they took 8 s.
        assertTrue(limited > 0, "no request of 600 was refused");
        HttpResponse<String> health = Customers.NO_REDIRECTS.send(java.net.http.HttpRequest.newBuilder(
                TestEnvironment.serverUri().resolve("/api/v1/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), "127.0.0.1 is still served");
    }

    @Test
    void a_flood_of_scans_on_one_code_is_slowed_and_the_shops_other_codes_still_work() throws Exception {
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            var api = new com.alpha01.client.link.ServerApi(TestEnvironment.serverUri(), staff);
            var reg = api.register("it-qr-flood-" + UUID.randomUUID(), "IT 扫码洪水", "it");
            var flooded = api.createQr(reg.clientId(), "flooded");
            var quiet = api.createQr(reg.clientId(), "quiet");
            AtomicInteger limited = new AtomicInteger();
            AtomicInteger entered = new AtomicInteger();
            flood(900, () -> {
                HttpResponse<String> scan = Customers.scan(flooded.url());
                (scan.statusCode() == 429 ? limited : entered).incrementAndGet();
                assertTrue(scan.statusCode() == 429 || scan.statusCode() == 303, "status " + scan.statusCode());
            });
            // The ITs' per-code limit: 300 at once, then 10 a second.
            assertTrue(limited.get() > 0, "no scan of 900 was refused");
            assertEquals(entered.get(), Db.count("select count(*) from qr_scan where qr_code_id = ?::uuid", flooded.id()));
            assertEquals(303, Customers.scan(quiet.url()).statusCode(), "another code of the shop is not slowed");
        }
    }

    @Test
    void a_user_over_their_request_limit_gets_429_with_retry_after_and_other_users_are_served() throws Exception {
        try (KeycloakSession flooding = Shops.staffOfNewShop("it-user-flood", "洪水店")) {
            String token = flooding.get();
            AtomicInteger limited = new AtomicInteger();
            flood(3000, () -> {
                HttpResponse<String> answer = Rest.get(token, "/api/v1/qr-codes/" + UUID.randomUUID());
                if (answer.statusCode() == 429) {
                    limited.incrementAndGet();
                    JsonObject body = Customers.json(answer.body());
                    assertEquals("RATE_LIMITED", body.getString("error"));
                    assertTrue(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow()) >= 1);
                } else {
                    assertEquals(404, answer.statusCode(), answer.body());
                }
            });
            // The ITs' per-user limit: 1,000 at once, then 10 a second.
            assertTrue(limited.get() > 0, "no call of 3000 was refused");
            try (KeycloakSession other = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                    TestEnvironment.STAFF_PASSWORD.toCharArray())) {
                assertEquals(200, Rest.get(other.get(), "/api/v1/merchant/stats").statusCode());
            }
        }
    }

    @Test
    void a_customer_holds_at_most_five_tabs_of_one_chat_and_a_sixth_is_closed_with_4004() throws Exception {
        try (ChatScene scene = ChatScene.open("tabs", null)) {
            String token = TestEnvironment.newCustomerToken();
            String scan = Customers.scanId(Customers.scan(scene.qr.url()));
            List<Peer> tabs = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    tabs.add(tab(scan, token));
                    tabs.get(i).await(Frame.Welcome.class);
                }
                Peer sixth = tab(scan, token);
                tabs.add(sixth);
                assertEquals(CloseCodes.TOO_MANY_TABS, sixth.closed.get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS));

                tabs.get(0).close();
                tabs.get(0).closed.get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
                Peer again = tab(scan, token);
                tabs.add(again);
                again.await(Frame.Welcome.class);
                long seq = Customers.say(again, "第六个标签页");
                String conv = Customers.json(Customers.openSession(scan, token).body()).getString("conversationId");
                scene.client.await(Frame.Message.class, m -> m.seq() == seq && m.conversationId().equals(conv));
                scene.client.send(new Frame.Reply("tabs-answer-1", conv, "收到", Frame.Sender.STAFF, seq));
                tabs.get(1).await(Frame.Message.class, m -> Long.valueOf(seq).equals(m.inReplyTo()));
            } finally {
                tabs.forEach(Peer::close);
            }
        }
    }

    private static Peer tab(String scan, String token) throws Exception {
        JsonObject session = Customers.json(Customers.openSession(scan, token).body());
        return Peer.connect(Customers.customerSocket(session.getString("ticket")), null);
    }

    interface Call {
        void run() throws Exception;
    }

    /** Runs {@code count} calls on four threads; the first failure fails the test. */
    private static void flood(int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                runs.add(pool.submit(() -> {
                    call.run();
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long logLines(String text) throws Exception {
        Path log = Path.of(System.getProperty("alpha01.wildfly.home"), "standalone/log/server.log");
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }
}
