package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.ai.FakeZhipuServer;
import com.alpha01.client.app.MerchantApp;
import com.alpha01.client.browser.CefRuntime;
import com.alpha01.client.browser.JcefExtension;
import com.alpha01.client.browser.UiDriver;
import com.alpha01.client.settings.ClientSettings;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreKey;
import jakarta.json.Json;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.logging.Logger;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The end-to-end benchmark (issue 14), and at its default tiny size a CI smoke: one real merchant
 * app ({@link MerchantApp} with its window open on the build's Xvfb, signed in) answers N customers
 * who enter the real way and write at a set rate, first from its knowledge base without a model
 * (offline answers: a shop's FAQ sheet imported through the 知识库 requests), then through a fake
 * ZhipuAI with a fixed time to first token. Customers time each answer from their send to its
 * arrival; {@link ProcessCpu} takes every process's CPU over each timed phase; the figures go to
 * {@link EndToEndReport}. What is asserted is correctness, never a time: every question answered,
 * nothing lost or doubled, the model asked in its phase. Size from {@code bench.*} properties.
 */
@ExtendWith({ArquillianExtension.class, JcefExtension.class})
@RunAsClient
class EndToEndBenchIT {

    private static final Logger LOG = Logger.getLogger(EndToEndBenchIT.class);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration DRAIN = Duration.ofMinutes(5);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void one_merchant_app_with_its_window_open_answers_every_customer(CefRuntime cef) throws Exception {
        String scenario = System.getProperty("bench.scenario", "e2e-smoke");
        RoutingReport.Options o = new RoutingReport.Options(scenario, Integer.getInteger("bench.customers", 3), 1,
                Double.parseDouble(System.getProperty("bench.rate", "1")), Integer.getInteger("bench.seconds", 3),
                Integer.getInteger("bench.warmup", 0), Integer.getInteger("bench.entry-threads", 4),
                Path.of(System.getProperty("bench.out", "target/bench/" + scenario + ".md")),
                System.getProperty("bench.command", "the ear module's IT run (EndToEndBenchIT, CI smoke)"), List.of(),
                false);
        int modelSeconds = Integer.getInteger("bench.e2e.model-seconds", o.seconds());
        Duration ttft = Duration.ofMillis(Long.getLong("bench.e2e.ttft-ms", 200));
        String view = System.getProperty("bench.e2e.view", "conversations");
        // Also: bench.e2e.jfr=<path prefix> records each phase with JFR ("profile") into <prefix>-<phase>.jfr.

        TestEnvironment.Account staff = TestEnvironment.newStaff(Shops.newShop("bench-e2e", "端到端压测店"));
        Path home = Files.createTempDirectory("alpha01-e2e-bench");
        Path faq = home.resolve("faq.csv");
        Files.write(faq, resource(ShopQuestions.FAQ));
        Files.writeString(home.resolve("client.properties"), "server.url=" + TestEnvironment.serverUri() + "\n"
                + "client.name=压测前台\nclient.username=" + staff.username() + "\nclient.password=" + staff.password()
                + "\nqr.file=" + home.resolve("qr.txt") + "\n");
        ExecutorService customerIo = Executors.newFixedThreadPool(2, named("bench-customer-io"));
        HttpClient http = HttpClient.newBuilder().executor(customerIo).build();
        // The JDK names the client's selector thread after its number, which its toString ends with: "…(7)".
        String selector = "HttpClient-" + http.toString().replaceAll(".*\\((\\d+)\\)$", "$1") + "-";
        ProcessCpu cpu = new ProcessCpu(Map.<Predicate<String>, String>of(
                n -> n.startsWith("bench-") || n.startsWith(selector), ProcessCpu.LOAD,
                n -> n.startsWith("fake-zhipu"), ProcessCpu.MODEL));
        List<EndToEndReport.Phase> phases = new ArrayList<>();
        List<BenchCustomer> customers = new ArrayList<>();
        ShopQuestions questions;
        int zhipuRequests;
        try (FakeZhipuServer zhipu = FakeZhipuServer.start().defaultReply(FakeZhipuServer.Reply
                .text("您好，", "这个问题", "我来为您解答。").withDelay(ttft).withUsage(200, 10))) {
            EncryptedStore store = EncryptedStore.open(home.resolve("store"), StoreKey.passphrase("it-e2e-bench".toCharArray()));
            try (MerchantApp app = new MerchantApp(new ClientSettings(home), store)) {
                AppRequests requests = new AppRequests(app.bridge());
                // Rules that depend on the time of day stay out of the way of the answers.
                requests.ok("automation.enable", Json.createObjectBuilder().add("id", "after-hours").add("enabled", false));
                UiDriver ui = UiDriver.open(cef, app.bridge(), WAIT);
                app.attach(ui.window(), cef.chromiumVersion());
                app.start();
                Waits.until("the app is online", WAIT, () -> "online".equals(requests.ok("system.status",
                        Json.createObjectBuilder()).getString("state")));
                requests.ok("knowledge.importPaths", Json.createObjectBuilder().add("paths",
                        Json.createArrayBuilder().add(faq.toString())));
                Waits.until("the FAQ is in the knowledge base", Duration.ofSeconds(120), () -> requests.ok(
                        "knowledge.list", Json.createObjectBuilder()).getJsonArray("documents").stream()
                        .anyMatch(d -> d.asJsonObject().getString("name").equals("faq.csv")));
                questions = ShopQuestions.sorted(resource(ShopQuestions.QUESTIONS), requests);
                Waits.until("the QR code file is written", () -> Files.exists(home.resolve("qr.txt")));
                String qr = Files.readString(home.resolve("qr.txt")).strip();

                List<TestEnvironment.Account> accounts = BenchLoad.inParallel(4, o.customers(),
                        i -> TestEnvironment.newCustomer());
                BenchLoad.Tally entry = new BenchLoad.Tally();
                customers.addAll(BenchLoad.inParallel(o.entryThreads(), o.customers(),
                        i -> BenchCustomer.enter(http, qr, accounts.get(i), i, entry)));
                ui.show(view);
                LOG.infof("%d customers in, the window on %s; offline answers start", o.customers(), view);

                for (int i = 0; i < customers.size(); i++) {
                    customers.get(i).asking(questions.offline(i));
                }
                if (o.warmupSeconds() > 0) {
                    BenchLoad.Tally warmup = new BenchLoad.Tally();
                    customers.forEach(c -> c.measureInto(warmup));
                    BenchLoad.run(customers, warmup, o.rate(), (int) Math.round(o.rate() * o.warmupSeconds()), DRAIN);
                }
                phases.add(phase(cpu, customers, "Offline answers (knowledge base)", o, o.seconds()));

                requests.ok("settings.save", Json.createObjectBuilder().add("zhipuKey", FakeZhipuServer.API_KEY)
                        .add("zhipuBaseUrl", zhipu.apiBaseUrl()).add("zhipuModel", "glm-4-flash")
                        // The default budget (200,000 tokens a day) runs out after ≈950 of the fake's answers.
                        .add("dailyTokens", 100_000_000L));
                for (int i = 0; i < customers.size(); i++) {
                    customers.get(i).asking(questions.any(i));
                }
                int before = zhipu.requestCount();
                phases.add(phase(cpu, customers, "Fake ZhipuAI (TTFT " + ttft.toMillis() + " ms)", o, modelSeconds));
                zhipuRequests = zhipu.requestCount() - before;
            } finally {
                customers.forEach(BenchCustomer::close);
                customerIo.shutdownNow();
            }
        }
        new EndToEndReport(o).write(durability(), setup(view, questions, ttft), phases, NOTES);
        LOG.infof("end-to-end figures written to %s", o.out().toAbsolutePath());

        for (EndToEndReport.Phase p : phases) {
            long planned = (long) o.customers() * p.perCustomer();
            assertEquals(planned, p.tally().sent.get(), p.name() + ": every planned question went out");
            // The assistant may hand a conversation to staff (the model phase asks what the sheet cannot
            // answer); nobody staffs this shop, so its later questions stay with staff, counted apart.
            assertEquals(planned, p.tally().answered() + p.tally().leftToStaff.get(),
                    p.name() + ": every question answered, or left to staff in a handed-over conversation");
            assertEquals(0, p.tally().errors.get(), p.name() + ": no refusal, failed send or dropped socket");
            assertEquals(0, p.tally().duplicates.get(), p.name() + ": no answer arrived twice");
        }
        assertEquals(0, phases.get(0).tally().leftToStaff.get(), "the offline phase asks only what the sheet answers");
        assertTrue(zhipuRequests >= (long) o.customers() * phases.get(1).perCustomer()
                - phases.get(1).tally().leftToStaff.get(),
                "each question of the model phase went to the model: " + zhipuRequests);
        assertFalse(phases.get(0).cpu().seconds().isEmpty());
    }

    private static EndToEndReport.Phase phase(ProcessCpu cpu, List<BenchCustomer> customers, String name,
            RoutingReport.Options o, int seconds) throws Exception {
        BenchLoad.Tally tally = new BenchLoad.Tally();
        customers.forEach(c -> c.measureInto(tally));
        int perCustomer = Math.max(1, (int) Math.round(o.rate() * seconds));
        ProcessCpu.Usage usage;
        String jfr = System.getProperty("bench.e2e.jfr");
        if (jfr == null) {
            usage = cpu.during(() -> BenchLoad.run(customers, tally, o.rate(), perCustomer, DRAIN));
        } else {
            // Where the app's time goes: a flight recording of this JVM (the app's side) over the phase.
            try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
                recording.start();
                usage = cpu.during(() -> BenchLoad.run(customers, tally, o.rate(), perCustomer, DRAIN));
                recording.dump(Path.of(jfr + "-" + name.replaceAll("\\W+", "-").toLowerCase() + ".jfr"));
            }
        }
        customers.forEach(BenchCustomer::settle);
        LOG.infof("%s: %d of %d answered, %d left to staff, p50 %.1f ms, p99 %.1f ms", name, tally.answered(),
                tally.sent.get(), tally.leftToStaff.get(), tally.roundTrip.percentile(50), tally.roundTrip.percentile(99));
        return new EndToEndReport.Phase(name, tally, usage, perCustomer);
    }

    private static String setup(String view, ShopQuestions questions, Duration ttft) {
        return "Alpha 01 end to end: customer → WildFly (store, ack, route) → the merchant app (the product's "
                + "`MerchantApp` in the test JVM, its window open in embedded Chromium on the build's Xvfb showing "
                + "the `" + view + "` screen, signed in, the shop's FAQ sheet (" + ShopQuestions.FAQ + ", "
                + questions.entries() + " rows) imported into its knowledge base) → WildFly → customer. Offline "
                + "phase: no API key, each answer quoted from the knowledge base (retrieval with the in-process "
                + "embedding model); the customers ask " + questions.offlineCount() + " paraphrased questions it "
                + "answers itself (a confident match that does not hand over to staff, as its own search says). "
                + "Model phase: the same customers, the settings given a key for a fake ZhipuAI on 127.0.0.1 that "
                + "waits " + ttft.toMillis() + " ms before its first token, then streams three chunks; the "
                + "questions now also include " + questions.unanswerableCount() + " the sheet has no answer for.";
    }

    private static final String NOTES = "CPU: user + system time over the timed window from `/proc/<pid>/stat` "
            + "(PostgreSQL: the postmaster and its backends; Chromium: the processes the test JVM started, by their "
            + "`--type`), in percent of one core. The merchant app runs inside the test JVM: its share is the JVM's "
            + "CPU less the threads of the load generator (the customers' sockets and clock) and of the fake "
            + "ZhipuAI, read from the JVM's per-thread CPU time; the JVM's JIT and GC count as the app's. The app "
            + "answers each conversation's questions in order, on its own threads; drafts of streamed answers "
            + "reach the customers too but are not timed.\n";

    private static String durability() throws Exception {
        return "PostgreSQL fsync=" + Db.query("show fsync").get(0).get(0) + ", synchronous_commit="
                + Db.query("show synchronous_commit").get(0).get(0) + (Boolean.getBoolean(TestEnvironment.DURABLE)
                ? " (production durability)" : " (the ITs' defaults: NOT production durability)") + ".";
    }

    private static byte[] resource(String name) throws Exception {
        try (var in = EndToEndBenchIT.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath (the merchant client's test jar)");
            }
            return in.readAllBytes();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
