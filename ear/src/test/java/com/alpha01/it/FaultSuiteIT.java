package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.devstack.TokenClient;
import com.alpha01.protocol.ErrorCode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.logging.Logger;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * The fault suite (issue 15): customers on both nodes of the two-node cluster ask questions at a steady
 * rate, doing what the chat page does ({@link FaultCustomer}), while two merchant clients of the shop,
 * each a JVM of its own running the product's link ({@link FaultClient}), answer them — client 1 on node
 * A, client 2 on node B, each through a TCP proxy ({@link FaultyLink}) — so that traffic crosses Artemis'
 * relay topic. The network faults and the kill hit the client holding the conversations at that moment.
 * One fault at a time is injected while the questions flow; then the window's questions settle
 * and are counted, by the customers and in PostgreSQL ({@link FaultWindow}): asked, acknowledged, stored,
 * delivered to a client, answered, shown, shown twice, lost. Every fault must end with 0 lost and 0
 * duplicated.
 *
 * <p>Short by default (the ITs, in CI); {@code bench/run faults} runs it long (more customers, longer
 * windows; over 100,000 questions) and writes {@code docs/reliability/faults.md}. Settings:
 * {@code fault.customers}, {@code fault.rate} (questions a second per customer), {@code fault.window}
 * (seconds of traffic per fault at least). No timing is asserted.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FaultSuiteIT {

    private static final Logger LOG = Logger.getLogger(FaultSuiteIT.class);
    /** How long a window's questions may take to settle after its traffic stops, while answers still come. */
    private static final Duration SETTLE = Duration.ofMinutes(5);
    private static final Duration SETTLE_STALL = Duration.ofSeconds(60);

    @Deployment(name = "app", order = 1, testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Deployment(name = "poison", order = 2, testable = false)
    static WebArchive poison() {
        return Deployments.poison();
    }

    interface Injector {
        /** Injects the fault and returns once it is over (the part restored); the window's traffic flows meanwhile. */
        void inject(FaultWindow w) throws Exception;
    }

    private record Fault(String name, String how, Injector injector) {
    }

    private final int customerCount = Integer.getInteger("fault.customers", 12);
    private final double rate = Double.parseDouble(System.getProperty("fault.rate", "1"));
    private final Duration window = Duration.ofSeconds(Integer.getInteger("fault.window", 20));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(4, daemon("fault-clock"));
    private final ExecutorService connector = Executors.newFixedThreadPool(8, daemon("fault-connect"));
    private final List<FaultCustomer> customers = new CopyOnWriteArrayList<>();
    private final List<ScheduledFuture<?>> traffic = new CopyOnWriteArrayList<>();

    @Test
    void every_fault_while_questions_flow_loses_nothing_and_answers_nothing_twice() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        URI nodeA = TestEnvironment.serverUri();
        Path target = Path.of(System.getProperty("alpha01.it.node-b.dir")).getParent();
        Path logA = Path.of(System.getProperty("alpha01.wildfly.home"), "standalone/log/server.log");
        TestEnvironment.Account staff = TestEnvironment.newStaff(Shops.newShop("fault", "故障演练店"));
        List<FaultWindow> windows = new ArrayList<>();
        try (SecondNode nodeB = SecondNode.start(Map.of());
             FaultyLink linkA = new FaultyLink(nodeA);
             FaultyLink linkB = new FaultyLink(nodeB.uri());
             KeycloakSession session = KeycloakSession.signIn(TestEnvironment.issuer(), staff.username(),
                     staff.password().toCharArray())) {
            ServerApi api = new ServerApi(nodeA, session);
            List<String> ids = List.of(api.register("fault-1-" + run, "故障演练 1", "it").clientId(),
                    api.register("fault-2-" + run, "故障演练 2", "it").clientId());
            String qr = api.createQr(ids.get(0), "fault").url();
            List<FaultyLink> links = List.of(linkA, linkB);
            try (FaultClient client1 = FaultClient.start(ids.get(0), List.of(linkA.uri(), nodeB.uri()), staff, target);
                 FaultClient client2 = FaultClient.start(ids.get(1), List.of(linkB.uri(), nodeA), staff, target)) {
                List<FaultClient> clients = List.of(client1, client2);
                FaultWindow first = new FaultWindow(run, 0, "none (baseline)", "no fault: the traffic alone");
                List<TestEnvironment.Account> accounts = BenchLoad.inParallel(4, customerCount + 1,
                        i -> TestEnvironment.newCustomer());
                TestEnvironment.Account latecomer = accounts.remove(customerCount);
                customers.addAll(BenchLoad.inParallel(4, customerCount, i -> FaultCustomer.enter(i, qr, accounts.get(i),
                        i % 2 == 0 ? List.of(nodeA, nodeB.uri()) : List.of(nodeB.uri(), nodeA), http, clock, connector,
                        first)));

                List<Fault> faults = List.of(
                        new Fault("none (baseline)", "no fault: the traffic alone", w -> { }),
                        new Fault("network: connection cut", "the connection of the client holding the "
                                + "conversations reset (RST) by its proxy", w -> {
                                    int h = holder(ids, w);
                                    long online = clients.get(h).onlineCount();
                                    links.get(h).drop();
                                    Waits.until("the client back online", Duration.ofSeconds(60),
                                            () -> clients.get(h).onlineCount() > online);
                                    w.observe("it connected again");
                                }),
                        new Fault("network: 300 ms latency", "300 ms added each way on the connection of the client "
                                + "holding the conversations", w -> {
                                    int h = holder(ids, w);
                                    links.get(h).latency(300);
                                    park(window.dividedBy(2));
                                    links.get(h).latency(0);
                                }),
                        new Fault("network: stall", "the connection of the client holding the conversations held by "
                                + "its proxy (bytes kept, nobody told)", w -> {
                                    int h = holder(ids, w);
                                    long online = clients.get(h).onlineCount();
                                    long at = System.nanoTime();
                                    links.get(h).stall();
                                    Waits.until("the client notices the silent link and connects again",
                                            Duration.ofSeconds(120), () -> clients.get(h).onlineCount() > online);
                                    w.observe("it connected again after " + seconds(at) + " s of silence");
                                }),
                        new Fault("merchant client killed", "the client holding the conversations SIGKILLed; once "
                                + "the other has taken them over, started again", w -> {
                                    int h = holder(ids, w);
                                    clients.get(h).kill();
                                    Waits.until("the other client takes the conversations over", Duration.ofSeconds(90),
                                            () -> assignedTo(ids.get(h)) == 0);
                                    w.observe("all moved to the other client");
                                    clients.get(h).restart();
                                    w.observe("the killed one started again and online");
                                }),
                        new Fault("Artemis: relay address paged", "relay topic limited to 16 KiB in memory "
                                + "(PAGE), its subscriptions paused 10 s on both nodes", w -> {
                                    long paged = count(logA, "AMQ222038") + count(nodeB.log(), "AMQ222038");
                                    pageRelay(List.of(managementPortA(), SecondNode.managementPort()));
                                    long now = count(logA, "AMQ222038") + count(nodeB.log(), "AMQ222038");
                                    w.observe("paging started " + (now - paged) + " times (AMQ222038)");
                                }),
                        new Fault("Artemis: poison message", "a message no node can process put on the relay topic",
                                w -> {
                                    String jmsId = poison(nodeA);
                                    Waits.until("the dead letter alerted", () -> count(logA, "ALERT dead letter " + jmsId) == 1);
                                    w.observe("parked in the dead-letter queue, one ALERT in node A's log");
                                }),
                        new Fault("PostgreSQL stopped 10 s", "the database stopped (fast shutdown) and started again "
                                + "on the same data after 10 s", w -> {
                                    TestEnvironment.stopPostgres();
                                    Waits.until("node A no longer ready", () -> readiness(nodeA).equals("503 DOWN"));
                                    w.observe("readiness 503 DOWN meanwhile");
                                    park(Duration.ofSeconds(10));
                                    TestEnvironment.startPostgres();
                                    Waits.until("both nodes report the database up again", Duration.ofSeconds(60),
                                            () -> health(nodeA) == 200 && health(nodeB.uri()) == 200);
                                    w.observe("both nodes recovered without a restart");
                                }),
                        new Fault("Keycloak stopped", "Keycloak stopped, started again with its data; a new "
                                + "customer signs in after it", w -> {
                                    TestEnvironment.stopKeycloak();
                                    boolean refused = signInFails(latecomer);
                                    w.observe(refused ? "a sign-in while it was down failed" : "a sign-in while down worked?!");
                                    // Without Keycloak a node still serves open chats: degraded, not taken out of the balancer.
                                    Waits.until("node A reports Keycloak down and stays ready",
                                            () -> readiness(nodeA).equals("200 DEGRADED"));
                                    w.observe("readiness 200 DEGRADED meanwhile");
                                    park(Duration.ofSeconds(10));
                                    TestEnvironment.startKeycloak();
                                    Waits.until("node A reports Keycloak back", () -> readiness(nodeA).equals("200 UP"));
                                    FaultCustomer late = FaultCustomer.enter(customerCount, qr, latecomer,
                                            List.of(nodeA, nodeB.uri()), http, clock, connector, w);
                                    customers.add(late);
                                    flow(late);
                                    w.observe("a new customer signed in after the restart and chats");
                                }),
                        new Fault("node B killed", "WildFly node B SIGKILLed, started again from its disk", w -> {
                                    nodeB.kill();
                                    park(Duration.ofSeconds(5));
                                    nodeB.restart();
                                    w.observe("node B restarted, Artemis bridges connected again");
                                }));
                for (int i = 0; i < faults.size(); i++) {
                    Fault f = faults.get(i);
                    FaultWindow w = i == 0 ? first : new FaultWindow(run, i, f.name(), f.how());
                    windows.add(w);
                    runWindow(w, f.injector());
                    LOG.infof("fault window %s", w);
                }
            } finally {
                customers.forEach(FaultCustomer::close);
                clock.shutdownNow();
                connector.shutdownNow();
            }
        }
        FaultReport.write(windows, customerCount, rate, window);
        List<Executable> checks = new ArrayList<>();
        for (FaultWindow w : windows) {
            checks.add(() -> assertTrue(w.whole(), "not whole: " + w));
        }
        FaultWindow pg = windows.stream().filter(w -> w.fault.startsWith("PostgreSQL")).findFirst().orElseThrow();
        checks.add(() -> assertTrue(pg.refusals.getOrDefault(ErrorCode.UNAVAILABLE, 0) > 0,
                "senders were told UNAVAILABLE while the database was away: " + pg));
        assertAll(checks);
    }

    /** Traffic for at least the window, the fault injected after a quarter of it; then its questions settle and are counted. */
    private void runWindow(FaultWindow w, Injector injector) throws Exception {
        customers.forEach(c -> c.countInto(w));
        long start = System.nanoTime();
        customers.forEach(this::flow);
        park(window.dividedBy(4));
        injector.inject(w);
        long end = Math.max(start + window.toNanos(), System.nanoTime() + window.dividedBy(4).toNanos());
        LockSupport.parkNanos(Math.max(0, end - System.nanoTime()));
        traffic.forEach(t -> t.cancel(false));
        traffic.clear();
        w.seconds = seconds(start);
        settle(w);
        count(w);
    }

    /** Customer {@code c} asks at the suite's rate from now on, from a random phase. */
    private void flow(FaultCustomer c) {
        long period = (long) (1e9 / rate);
        traffic.add(clock.scheduleAtFixedRate(c::ask, ThreadLocalRandom.current().nextLong(period), period,
                TimeUnit.NANOSECONDS));
    }

    /** Waits while the window's questions still get acknowledged and answered (until all are, or nothing moves for a minute). */
    private void settle(FaultWindow w) {
        long end = System.nanoTime() + SETTLE.toNanos();
        long progressAt = System.nanoTime();
        long last = -1;
        while (System.nanoTime() < end && System.nanoTime() - progressAt < SETTLE_STALL.toNanos()) {
            long open = customers.stream().mapToLong(c -> c.unacknowledged(w)).sum();
            long unanswered = customers.stream().flatMap(c -> c.acknowledged(w).stream())
                    .filter(q -> q.answers.isEmpty()).count();
            if (open == 0 && unanswered == 0) {
                return;
            }
            if (open + unanswered != last) {
                last = open + unanswered;
                progressAt = System.nanoTime();
            }
            park(Duration.ofMillis(200));
        }
    }

    /** The customers' side and PostgreSQL's side of the window's questions. */
    private void count(FaultWindow w) throws Exception {
        List<FaultCustomer.Question> acked = customers.stream().flatMap(c -> c.acknowledged(w).stream()).toList();
        w.acknowledged = acked.size();
        w.unacknowledged = customers.stream().mapToLong(c -> c.unacknowledged(w)).sum();
        w.shown = acked.stream().filter(q -> !q.answers.isEmpty()).count();
        w.shownTwice = acked.stream().filter(q -> q.answers.size() > 1).count();
        w.lost = w.acknowledged - w.shown;
        String like = w.prefix() + "%";
        List<Object> questions = Db.query("select count(*), count(distinct (conversation_id, sender_msg_id)), "
                + "count(delivered_at) from chat_message where sender = 'CUSTOMER' and sender_msg_id like ?", like).get(0);
        w.stored = ((Number) questions.get(0)).longValue();
        w.storedIds = ((Number) questions.get(1)).longValue();
        w.delivered = ((Number) questions.get(2)).longValue();
        List<Object> answers = Db.query("select count(*), count(distinct (a.conversation_id, a.in_reply_to)) "
                + "from chat_message a join chat_message q on q.conversation_id = a.conversation_id and q.seq = a.in_reply_to "
                + "where q.sender = 'CUSTOMER' and q.sender_msg_id like ? and a.sender <> 'CUSTOMER'", like).get(0);
        w.answersStored = ((Number) answers.get(0)).longValue();
        w.questionsAnswered = ((Number) answers.get(1)).longValue();
    }

    /** Which of the two clients (0 or 1) holds more of the conversations now; the window notes how many. */
    private static int holder(List<String> clientIds, FaultWindow w) throws Exception {
        long first = assignedTo(clientIds.get(0));
        long second = assignedTo(clientIds.get(1));
        int h = first >= second ? 0 : 1;
        w.observe("client " + (h + 1) + " held " + Math.max(first, second) + " of " + (first + second) + " conversations");
        return h;
    }

    private static long assignedTo(String clientId) throws Exception {
        return Db.count("select count(*) from conversation where client_id = ?::uuid", clientId);
    }

    /** The relay pages on both nodes while its subscriptions are paused for 10 s; then all is as configured again. */
    private static void pageRelay(List<Integer> managementPorts) throws Exception {
        List<Management> nodes = new ArrayList<>();
        try {
            for (int port : managementPorts) {
                Management m = new Management(port);
                nodes.add(m);
                m.pageRelayPast(16 * 1024, 4 * 1024);
                for (String queue : m.relaySubscriptions()) {
                    m.consumption(queue, false);
                }
            }
            park(Duration.ofSeconds(10));
        } finally {
            for (Management m : nodes) {
                for (String queue : m.relaySubscriptions()) {
                    m.consumption(queue, true);
                }
                m.restoreRelayLimits();
                m.close();
            }
        }
    }

    private static int managementPortA() {
        return Integer.getInteger("alpha01.it.mgmt.port");
    }

    private String poison(URI node) throws Exception {
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(node.resolve("/it-poison/poison"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 200) {
            throw new IllegalStateException("poison servlet answered " + put.statusCode());
        }
        return put.body().strip();
    }

    /** Node {@code node}'s readiness as {@code <HTTP status> <status>} (e.g. {@code 200 DEGRADED}); "0 ?" when it does not answer. */
    private String readiness(URI node) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(node.resolve("/api/v1/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + Customers.json(r.body()).getString("status");
        } catch (Exception e) {
            return "0 ?";
        }
    }

    private int health(URI node) {
        try {
            return http.send(HttpRequest.newBuilder(node.resolve("/api/v1/health")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    private static boolean signInFails(TestEnvironment.Account account) {
        try {
            TokenClient.passwordGrant(TestEnvironment.issuer(), "customer-web", account.username(),
                    account.password().toCharArray());
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private static long count(Path log, String text) throws Exception {
        if (!Files.exists(log)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    private static long seconds(long since) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }

    private static void park(Duration d) {
        LockSupport.parkNanos(d.toNanos());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
