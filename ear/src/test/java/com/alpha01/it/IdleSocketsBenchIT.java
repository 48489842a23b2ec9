package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.devstack.TokenClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
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
 * Issue 14's capacity figures: how much heap and memory one WildFly node spends on idle sockets.
 * Merchant client sockets (registered clients of one shop, each socket signed in as its staff) and
 * customer tabs (signed-in customers who scanned a code and opened the chat, several tabs per
 * account) are opened and held; WildFly's heap after a full collection and its resident memory are
 * read before and after each kind. Every socket must still be open at the end (the heartbeat pings
 * them meanwhile). Writes a Markdown report; asserts only that the sockets opened and stayed open.
 * Size from {@code bench.idle.*} ({@code bench/run idle-sockets}); tiny by default: the CI smoke.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdleSocketsBenchIT {

    private static final Logger LOG = Logger.getLogger(IdleSocketsBenchIT.class);

    @ArquillianResource
    private ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void idle_sockets_stay_open_and_their_memory_is_measured() throws Exception {
        int customers = Integer.getInteger("bench.idle.customers", 20);
        int tabsPerAccount = Integer.getInteger("bench.idle.tabs", 5);
        int clients = Integer.getInteger("bench.idle.clients", 4);
        Path out = Path.of(System.getProperty("bench.out", "target/bench/idle-sockets.md"));
        HttpClient http = HttpClient.newHttpClient();
        List<IdleSocket> sockets = new ArrayList<>();
        Memory base;
        Memory withClients;
        Memory withCustomers;
        double clientSeconds;
        double customerSeconds;
        try (KeycloakSession staff = Shops.staffOfNewShop("idle", "空闲连接店")) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            base = memory();
            long start = System.nanoTime();
            List<String> codes = new ArrayList<>();
            for (IdleSocket client : BenchLoad.inParallel(8, clients, j -> {
                ServerApi.Registration reg = api.register("idle-" + j + "-" + UUID.randomUUID(), "空闲 " + j, "bench");
                if (j < 4) {
                    synchronized (codes) {
                        codes.add(api.createQr(reg.clientId(), "idle " + j).url());
                    }
                }
                return IdleSocket.open(http, TestEnvironment.clientSocket(reg.clientId()), staff.get());
            })) {
                sockets.add(client);
            }
            clientSeconds = (System.nanoTime() - start) / 1e9;
            withClients = memory();
            LOG.infof("%d client sockets open in %.1f s", clients, clientSeconds);

            int accounts = (customers + tabsPerAccount - 1) / tabsPerAccount;
            List<String> tokens = BenchLoad.inParallel(4, accounts, i -> {
                TestEnvironment.Account a = TestEnvironment.newCustomer();
                return TokenClient.passwordGrant(TestEnvironment.issuer(), "customer-web", a.username(),
                        a.password().toCharArray());
            });
            start = System.nanoTime();
            sockets.addAll(BenchLoad.inParallel(8, customers, i -> {
                String scanId = Customers.scanId(Customers.scan(codes.get(i % codes.size())));
                HttpResponse<String> opened = Customers.openSession(scanId, tokens.get(i / tabsPerAccount));
                assertEquals(200, opened.statusCode(), opened.body());
                return IdleSocket.open(http, Customers.customerSocket(Customers.json(opened.body()).getString("ticket")),
                        null);
            }));
            customerSeconds = (System.nanoTime() - start) / 1e9;
            withCustomers = memory();
            LOG.infof("%d customer sockets open in %.1f s", customers, customerSeconds);
            long open = sockets.stream().filter(IdleSocket::open).count();
            report(out, customers, tabsPerAccount, clients, base, withClients, withCustomers, clientSeconds,
                    customerSeconds, open);
            assertEquals(clients + customers, open, "every socket is still open after the measurements");
            assertTrue(sockets.stream().allMatch(s -> s.welcomed.isDone() && !s.welcomed.isCompletedExceptionally()),
                    "every socket was welcomed");
        } finally {
            sockets.forEach(IdleSocket::close);
        }
    }

    /** WildFly's heap in use after a full collection, and its resident memory, in bytes. */
    private record Memory(long heap, long rss) {
    }

    private Memory memory() throws IOException {
        ModelNode gc = new ModelNode();
        gc.get("operation").set("gc");
        gc.get("address").add("core-service", "platform-mbean").add("type", "memory");
        management.getControllerClient().execute(gc);
        ModelNode read = new ModelNode();
        read.get("operation").set("read-attribute");
        read.get("address").add("core-service", "platform-mbean").add("type", "memory");
        read.get("name").set("heap-memory-usage");
        long heap = management.getControllerClient().execute(read).get("result").get("used").asLong();
        ModelNode runtime = new ModelNode();
        runtime.get("operation").set("read-attribute");
        runtime.get("address").add("core-service", "platform-mbean").add("type", "runtime");
        runtime.get("name").set("name");
        String pid = management.getControllerClient().execute(runtime).get("result").asString().split("@")[0];
        long rss = Files.readAllLines(Path.of("/proc", pid, "status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElse(-1L);
        return new Memory(heap, rss);
    }

    private static void report(Path out, int customers, int tabs, int clients, Memory base, Memory withClients,
            Memory withCustomers, double clientSeconds, double customerSeconds, long open) throws IOException {
        StringBuilder md = new StringBuilder("## Capacity: idle sockets on one node\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d cores, Java %s. Run on %s. Command: `%s`. WildFly runs with "
                        + "-Xmx1g (the ITs' setting), one node, the test JVM holding the other ends on the same machine.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                System.getProperty("bench.command", "the ear module's IT run (IdleSocketsBenchIT, CI smoke)")));
        md.append("Heap = WildFly's heap in use right after a full collection (management `gc`, then `heap-memory-usage`); "
                + "RSS = its resident memory (`/proc/<pid>/status`). Per socket = the rise divided by the sockets added.\n\n");
        md.append("| Sockets held | Opened in | Heap after GC | Heap per socket | RSS | RSS per socket |\n|---|---|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| none (deployed, idle) | – | %s | – | %s | – |%n", mib(base.heap()),
                mib(base.rss())));
        md.append(String.format(Locale.ROOT, "| + %d merchant client sockets | %.1f s | %s | %s | %s | %s |%n", clients,
                clientSeconds, mib(withClients.heap()), kib(withClients.heap() - base.heap(), clients),
                mib(withClients.rss()), kib(withClients.rss() - base.rss(), clients)));
        md.append(String.format(Locale.ROOT, "| + %d customer tabs (%d per signed-in account) | %.1f s | %s | %s | %s | %s |%n",
                customers, tabs, customerSeconds, mib(withCustomers.heap()),
                kib(withCustomers.heap() - withClients.heap(), customers), mib(withCustomers.rss()),
                kib(withCustomers.rss() - withClients.rss(), customers)));
        md.append(String.format(Locale.ROOT, "%nStill open at the end: %d of %d. A customer tab's time includes its QR scan "
                + "and chat-session request (the accounts signed in beforehand).%n", open, clients + customers));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md, StandardCharsets.UTF_8);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    private static String kib(long bytes, int count) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0 / Math.max(1, count));
    }

    /** One held socket: waits for the welcome, reads (and so answers pings) and otherwise stays quiet. */
    private static final class IdleSocket implements WebSocket.Listener {

        final CompletableFuture<Void> welcomed = new CompletableFuture<>();
        private volatile boolean closed;
        private WebSocket socket;
        private final StringBuilder partial = new StringBuilder();

        static IdleSocket open(HttpClient http, java.net.URI uri, String bearer) {
            IdleSocket s = new IdleSocket();
            WebSocket.Builder builder = http.newWebSocketBuilder();
            if (bearer != null) {
                builder.header("Authorization", "Bearer " + bearer);
            }
            s.socket = builder.buildAsync(uri, s).join();
            s.welcomed.orTimeout(Peer.WAIT.toSeconds(), TimeUnit.SECONDS).join();
            return s;
        }

        boolean open() {
            return !closed && !socket.isInputClosed();
        }

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                if (partial.indexOf("\"welcome\"") >= 0) {
                    welcomed.complete(null);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed = true;
            welcomed.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed = true;
            welcomed.completeExceptionally(error);
        }

        void close() {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS)
                        .exceptionally(e -> null).join();
            }
        }
    }
}
