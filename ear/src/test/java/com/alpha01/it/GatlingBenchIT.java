package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.logging.Logger;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14's cross-check by a load tool nobody here wrote, and at its default tiny size the CI smoke
 * that proves it works: this test provisions a shop of its own on the ITs' stack (merchant clients
 * that are the product's link answering with a fixed text, one QR code each, the customer accounts
 * through Keycloak's admin API), then Gatling ({@link GatlingRun}, the bench module's
 * {@code CustomerSimulation}) drives the customers: entry with Keycloak's login form, questions over
 * the customer socket, the HTTP entry path at a steady rate. Gatling's records ({@link GatlingLog})
 * become docs/bench/gatling-&lt;scenario&gt;.md ({@link GatlingReport}). Asserted: correctness, never a
 * time — no KO at all, every question acknowledged and answered, stored once and answered once in PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GatlingBenchIT {

    private static final Logger LOG = Logger.getLogger(GatlingBenchIT.class);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void gatling_sees_every_question_acknowledged_and_answered_and_postgresql_holds_each_once() throws Exception {
        GatlingReport.Options o = GatlingReport.Options.fromSystemProperties();
        AtomicLong clientDuplicates = new AtomicLong();
        AtomicLong clientErrors = new AtomicLong();
        List<FixedAnswerer> answerers = new ArrayList<>();
        GatlingRun.Result run;
        RoutingReport.Stored stored;
        try (KeycloakSession staff = Shops.staffOfNewShop("gatling", "Gatling 压测店")) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            List<String> codes = new ArrayList<>();
            String merchantId = null;
            for (int j = 0; j < o.clients(); j++) {
                ServerApi.Registration client = api.register("gatling-" + j + "-" + UUID.randomUUID(), "Gatling " + j, "bench");
                merchantId = client.merchantId();
                codes.add(api.createQr(client.clientId(), "gatling " + j).url());
                answerers.add(FixedAnswerer.online(TestEnvironment.serverUri(), client.clientId(), staff, clientDuplicates,
                        clientErrors));
            }
            List<TestEnvironment.Account> accounts = BenchLoad.inParallel(4, o.customers(), i -> TestEnvironment.newCustomer());
            Path feeder = feeder(accounts, codes);
            Duration timeout = Duration.ofSeconds(Math.round(o.customers() / o.entryRate()) + 2L
                    * (o.questions() + o.warmupQuestions()) + o.httpSeconds() + 180);
            run = GatlingRun.run(settings(o, feeder, codes.get(0)), o.scenario() + ": " + o.customers() + " customers",
                    timeout);
            stored = Db.shopMessages(merchantId);
        } finally {
            answerers.forEach(FixedAnswerer::close);
        }
        GatlingLog log = GatlingLog.read(run.simulationLog(), GatlingRun.version());
        new GatlingReport(o).write(log, run, durability(), stored);
        LOG.infof("Gatling figures written to %s", o.out().toAbsolutePath());

        assertEquals(0, log.failures(), () -> "Gatling's KO and crashes: " + log.failureList());
        assertEquals((long) o.customers() * o.questions(), answered(log, ""), "every measured question answered");
        assertEquals((long) o.customers() * o.warmupQuestions(), answered(log, "warm-up "), "every warm-up question answered");
        long total = o.totalQuestions();
        assertEquals(new RoutingReport.Stored(total, total, total, total), stored,
                "each question Gatling wrote stored once, and answered once");
        assertEquals(0, clientErrors.get() + clientDuplicates.get(), "no refusal or message handed twice at a merchant client");
        for (String kind : List.of("connect valid QR", "connect forged QR", "history")) {
            assertTrue(log.requests.containsKey(kind) && log.requests.get(kind).ok > 0, kind + " ran");
        }
        assertEquals(log.usersStarted, log.usersEnded, "every virtual user ended");
    }

    /** Questions Gatling saw acknowledged and answered (both checks OK); the smaller of the two. */
    private static long answered(GatlingLog log, String prefix) {
        GatlingLog.Kind ack = log.requests.get(prefix + "ack");
        GatlingLog.Kind answer = log.requests.get(prefix + "answer");
        return ack == null || answer == null ? 0 : Math.min(ack.ok, answer.ok);
    }

    /** The feeder: one row per customer (account, and the QR code of client i mod M), in target/ (test accounts only). */
    private static Path feeder(List<TestEnvironment.Account> accounts, List<String> codes) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("alpha01.gatling.results", "target/gatling")));
        StringBuilder csv = new StringBuilder("username,password,qr\n");
        for (int i = 0; i < accounts.size(); i++) {
            csv.append(accounts.get(i).username()).append(',').append(accounts.get(i).password()).append(',')
                    .append(codes.get(i % codes.size())).append('\n');
        }
        return Files.writeString(dir.resolve("customers.csv"), csv, StandardCharsets.UTF_8).toAbsolutePath();
    }

    private static Map<String, String> settings(GatlingReport.Options o, Path feeder, String qr) {
        byte[] token = new byte[32];
        new SecureRandom().nextBytes(token);
        String forged = qr.replaceFirst("token=[^&]+", "token=" + Base64.getUrlEncoder().withoutPadding().encodeToString(token));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("alpha01.server", TestEnvironment.serverUri().toString());
        settings.put("gatling.customers", feeder.toString());
        settings.put("gatling.customer-count", Integer.toString(o.customers()));
        settings.put("gatling.qr", qr);
        settings.put("gatling.qr.forged", forged);
        settings.put("gatling.warmup-questions", Integer.toString(o.warmupQuestions()));
        settings.put("gatling.questions", Integer.toString(o.questions()));
        settings.put("gatling.entry-rate", Double.toString(o.entryRate()));
        settings.put("gatling.http-rate", Double.toString(o.httpRate()));
        settings.put("gatling.http-seconds", Integer.toString(o.httpSeconds()));
        settings.put("gatling.readers", Integer.toString(Math.min(o.readers(), o.customers())));
        return settings;
    }

    private static String durability() throws Exception {
        return String.format(Locale.ROOT, "PostgreSQL fsync=%s, synchronous_commit=%s%s; Artemis as in docs/bench/routing-100.md.",
                Db.query("show fsync").get(0).get(0), Db.query("show synchronous_commit").get(0).get(0),
                Boolean.getBoolean(TestEnvironment.DURABLE) ? " (production durability, -D" + TestEnvironment.DURABLE + "=true)"
                        : " (the embedded library's defaults the ITs run with: NOT production durability)");
    }
}
