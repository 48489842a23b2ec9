package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.logging.Logger;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The routing benchmark (issue 14), and at its default tiny size the CI smoke that proves it works:
 * N customers enter the real way (QR scan, Keycloak sign-in, chat session, socket) into a shop of
 * their own with M merchant clients ({@link FixedAnswerer}: the product's link, a fixed answer) and
 * write at a fixed rate; then the same load goes through a {@link BareRelay}. Figures go to a
 * Markdown file ({@link RoutingReport}); what is asserted is correctness, never a time: every
 * question answered, stored once in PostgreSQL, answered once, and nothing arriving twice.
 * Size and output come from {@code bench.*} system properties ({@code bench/run} sets them);
 * {@code bench.cluster=true} starts node B ({@link SecondNode}) and connects the merchant clients there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoutingBenchIT {

    private static final Logger LOG = Logger.getLogger(RoutingBenchIT.class);
    /** At most this long for the answers after the last question (the drain also ends when they stop coming). */
    private static final Duration DRAIN = Duration.ofMinutes(5);

    @ArquillianResource
    private ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void every_question_is_stored_once_and_answered_once_and_the_figures_stand_beside_a_bare_relay() throws Exception {
        RoutingReport.Options o = RoutingReport.Options.fromSystemProperties();
        HttpClient http = HttpClient.newHttpClient();
        List<BenchLoad.Tally> relaySteps = relayRun(o, http);
        List<RoutingReport.Step> steps = new ArrayList<>();
        AtomicLong clientDuplicates = new AtomicLong();
        AtomicLong clientErrors = new AtomicLong();
        RoutingReport.Entry entry;
        RoutingReport.Stored stored;
        long totalSent = 0;
        List<FixedAnswerer> answerers = new ArrayList<>();
        List<BenchCustomer> customers = new ArrayList<>();
        // A resource that is null is not closed: one node unless the scenario asks for the cluster.
        try (SecondNode nodeB = o.cluster() ? SecondNode.start(Map.of()) : null;
             KeycloakSession staff = Shops.staffOfNewShop("bench", "路由压测店")) {
            URI clientsNode = nodeB == null ? TestEnvironment.serverUri() : nodeB.uri();
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            List<String> codes = new ArrayList<>();
            String merchantId = null;
            for (int j = 0; j < o.clients(); j++) {
                ServerApi.Registration client = api.register("bench-" + j + "-" + UUID.randomUUID(), "压测 " + j, "bench");
                merchantId = client.merchantId();
                codes.add(api.createQr(client.clientId(), "bench " + j).url());
                answerers.add(FixedAnswerer.online(clientsNode, client.clientId(), staff, clientDuplicates, clientErrors));
            }
            long provisionStart = System.nanoTime();
            List<TestEnvironment.Account> accounts = BenchLoad.inParallel(4, o.customers(), i -> TestEnvironment.newCustomer());
            double provisionSeconds = (System.nanoTime() - provisionStart) / 1e9;
            Latencies entryLatency = new Latencies();
            BenchLoad.Tally warmup = new BenchLoad.Tally();
            long entryStart = System.nanoTime();
            customers.addAll(BenchLoad.inParallel(o.entryThreads(), o.customers(), i -> {
                long start = System.nanoTime();
                BenchCustomer customer = BenchCustomer.enter(http, codes.get(i % codes.size()), accounts.get(i), i, warmup);
                entryLatency.add(System.nanoTime() - start);
                return customer;
            }));
            entry = new RoutingReport.Entry(provisionSeconds, (System.nanoTime() - entryStart) / 1e9, entryLatency);
            LOG.infof("%d customers entered in %.1f s; load starts", o.customers(), entry.entrySeconds());
            List<Double> rates = o.rates();
            if (o.warmupSeconds() > 0) {
                BenchLoad.run(customers, warmup, rates.get(0), (int) Math.round(rates.get(0) * o.warmupSeconds()), DRAIN);
            }
            totalSent += warmup.sent.get();
            for (int k = 0; k < rates.size(); k++) {
                BenchLoad.Tally tally = new BenchLoad.Tally();
                customers.forEach(c -> c.measureInto(tally));
                if (k == 0) {
                    tally.closes.putAll(warmup.closes);
                    tally.errors.addAndGet(warmup.errors.get());
                }
                BenchLoad.run(customers, tally, rates.get(k), o.perCustomer(rates.get(k)), DRAIN);
                totalSent += tally.sent.get();
                RoutingReport.Step step = new RoutingReport.Step(rates.get(k), tally, relaySteps.get(k));
                steps.add(step);
                LOG.infof("step %s/s per customer: %d of %d answered, p99 %.1f ms", rates.get(k), tally.answered(),
                        tally.sent.get(), tally.roundTrip.percentile(99));
                if (o.saturation() && !step.held()) {
                    break;
                }
            }
            stored = Db.shopMessages(merchantId);
        } finally {
            customers.forEach(BenchCustomer::close);
            answerers.forEach(FixedAnswerer::close);
        }
        RoutingReport report = new RoutingReport(o);
        if (o.saturation()) {
            report.writeSaturation(durability(), entry, steps, stored, totalSent, clientDuplicates.get());
        } else {
            report.write(durability(), entry, steps.get(0).alpha(), steps.get(0).relay(), stored, totalSent,
                    clientDuplicates.get());
        }
        LOG.infof("routing figures written to %s", o.out().toAbsolutePath());

        assertEquals(new RoutingReport.Stored(totalSent, totalSent, totalSent, totalSent), stored,
                "each question (warm-up included) stored once, and answered once");
        assertEquals(0, clientErrors.get(), "no refusal or dropped socket at a merchant client");
        for (RoutingReport.Step step : steps) {
            BenchLoad.Tally alpha = step.alpha();
            long planned = (long) o.customers() * o.perCustomer(step.rate());
            assertEquals(planned, alpha.sent.get(), "every planned question went out");
            assertEquals(planned, alpha.answered(), "every question answered");
            assertEquals(0, alpha.errors.get(), "no refusal, failed send or dropped socket");
            assertEquals(planned, step.relay().answered(), "the relay answered every question too");
            if (!o.saturation()) {
                // Beyond saturation a backlog may outlast the resend delay: the page then drops the resend by seq.
                assertEquals(0, alpha.duplicates.get() + clientDuplicates.get(),
                        "nothing arrived twice at a customer or client");
            }
        }
    }

    /** The same load through the bare relay, first (so both runs find the load generator equally warm… or cold); one tally per rate. */
    private static List<BenchLoad.Tally> relayRun(RoutingReport.Options o, HttpClient http) throws Exception {
        List<BenchLoad.Tally> tallies = new ArrayList<>();
        List<WebSocket> clients = new ArrayList<>();
        List<BenchCustomer> customers = new ArrayList<>();
        AtomicLong clientErrors = new AtomicLong();
        try (BareRelay relay = BareRelay.start()) {
            for (int j = 0; j < o.clients(); j++) {
                clients.add(relay.answeringClient(http, j, clientErrors));
            }
            Waits.until("relay clients connected", () -> relay.clients() == o.clients());
            BenchLoad.Tally warmup = new BenchLoad.Tally();
            for (int i = 0; i < o.customers(); i++) {
                customers.add(BenchCustomer.connect(http, relay.customerSocket(i, i % o.clients()), i, warmup));
            }
            List<Double> rates = o.rates();
            if (o.warmupSeconds() > 0) {
                BenchLoad.run(customers, warmup, rates.get(0), (int) Math.round(rates.get(0) * o.warmupSeconds()), DRAIN);
            }
            for (double rate : rates) {
                BenchLoad.Tally tally = new BenchLoad.Tally();
                customers.forEach(c -> c.measureInto(tally));
                BenchLoad.run(customers, tally, rate, o.perCustomer(rate), DRAIN);
                tally.errors.addAndGet(clientErrors.getAndSet(0));
                tallies.add(tally);
                LOG.infof("bare relay at %s/s per customer: %d of %d answered", rate, tally.answered(), tally.sent.get());
            }
            customers.forEach(BenchCustomer::close);
            clients.forEach(c -> c.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join());
        }
        return tallies;
    }

    /** PostgreSQL's settings as the server's connections see them, and the Artemis journal's. */
    private String durability() throws Exception {
        String pg = "PostgreSQL fsync=" + Db.query("show fsync").get(0).get(0) + ", synchronous_commit="
                + Db.query("show synchronous_commit").get(0).get(0)
                + (Boolean.getBoolean(TestEnvironment.DURABLE) ? " (production durability, -D" + TestEnvironment.DURABLE
                + "=true)" : " (the embedded library's defaults the ITs run with: NOT production durability)");
        ModelNode read = new ModelNode();
        read.get("operation").set("read-resource");
        read.get("address").add("subsystem", "messaging-activemq").add("server", "default");
        read.get("include-defaults").set(true);
        ModelNode server = management.getControllerClient().execute(read).get("result");
        return pg + "; Artemis (embedded in WildFly) persistence-enabled=" + server.get("persistence-enabled").asString()
                + ", journal-type=" + server.get("journal-type").asString() + " (NIO when libaio is missing)"
                + ", journal-sync-transactional=" + server.get("journal-sync-transactional").asString()
                + ", journal-sync-non-transactional=" + server.get("journal-sync-non-transactional").asString()
                + "; each message is committed to PostgreSQL before its ack, then routed by the node that stored it "
                + "(D38: no JMS on a one-node path; the non-persistent relay topic carries frames between nodes).";
    }

}
