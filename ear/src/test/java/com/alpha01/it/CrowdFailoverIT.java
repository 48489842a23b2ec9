package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.logging.Logger;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The routing promise under load: two merchant clients of one shop, 50 signed-in customers
 * writing four messages each, and one client killed mid-stream. Counted: sent, acknowledged,
 * stored, delivered to a client, answers stored and received — nothing lost, nothing stored or
 * shown twice.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrowdFailoverIT {

    private static final Logger LOG = Logger.getLogger(CrowdFailoverIT.class);
    private static final int CUSTOMERS = 50;
    private static final int ROUNDS = 4;
    private static final java.time.Duration CROWD_WAIT = java.time.Duration.ofMinutes(2);
    private static final String[] QUESTIONS = {"你好", "wifi 密码是多少", "几点关门", "可以外带吗"};

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private record Customer(UUID conversation, Peer socket) {
    }

    @Test
    void fifty_customers_two_clients_one_killed_nothing_lost_nothing_doubled() throws Exception {
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration a = api.register("it-crowd-a-" + UUID.randomUUID(), "IT 人群 A", "it");
            ServerApi.Registration b = api.register("it-crowd-b-" + UUID.randomUUID(), "IT 人群 B", "it");
            List<String> qrs = List.of(api.createQr(a.clientId(), "a").url(), api.createQr(b.clientId(), "b").url());
            Map<String, AtomicInteger> seenByA = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> seenByB = new ConcurrentHashMap<>();
            try (AnsweringClient clientA = AnsweringClient.online(a.clientId(), staff, m -> count(seenByA, m));
                 AnsweringClient clientB = AnsweringClient.online(b.clientId(), staff, m -> count(seenByB, m))) {

                List<Customer> customers = arrive(qrs);
                int sent = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    List<String> ids = new ArrayList<>();
                    for (Customer c : customers) {
                        String id = "crowd-" + round + "-" + UUID.randomUUID().toString().substring(0, 8);
                        c.socket().send(new Frame.Send(id, QUESTIONS[round]));
                        ids.add(id);
                        sent++;
                    }
                    if (round == 1) {
                        clientA.close(); // killed mid-stream: round 2 and 3 are written while A is gone
                    }
                    for (int i = 0; i < customers.size(); i++) {
                        String id = ids.get(i);
                        customers.get(i).socket().await(Frame.Ack.class, x -> x.id().equals(id));
                    }
                }
                Object[] convs = customers.stream().map(Customer::conversation).toArray();
                String in = " conversation_id = any (?::uuid[]) ";
                Waits.until("every customer message delivered to a merchant client", CROWD_WAIT, () -> Db.count(
                        "select count(*) from chat_message where" + in + "and sender = 'CUSTOMER' and delivered_at is not null",
                        (Object) toArray(convs)) == CUSTOMERS * ROUNDS);
                long stored = Db.count("select count(*) from chat_message where" + in + "and sender = 'CUSTOMER'",
                        (Object) toArray(convs));
                long distinctIds = Db.count("select count(distinct sender_msg_id) from chat_message where" + in
                        + "and sender = 'CUSTOMER'", (Object) toArray(convs));
                // Questions the killed client saw but never answered go to the next holder: every question is answered once.
                Waits.until("every question answered", CROWD_WAIT, () -> Db.count("select count(distinct in_reply_to::text || "
                        + "conversation_id::text) from chat_message where" + in + "and sender = 'BOT'",
                        (Object) toArray(convs)) == CUSTOMERS * ROUNDS);
                Waits.until("answers reach the customers", CROWD_WAIT, () -> answersShown(customers) == Db.count(
                        "select count(*) from chat_message where" + in + "and sender = 'BOT'", (Object) toArray(convs)));
                long answers = Db.count("select count(*) from chat_message where" + in + "and sender = 'BOT'",
                        (Object) toArray(convs));
                // Shown twice = one question with two different answers on a customer's screen (the
                // page shows a resent copy of the same message once, by id).
                long doubledAtCustomers = customers.stream().mapToLong(c -> c.socket().seen.stream()
                        .filter(f -> f instanceof Frame.Message m && m.sender() == Frame.Sender.BOT)
                        .map(f -> (Frame.Message) f)
                        .collect(java.util.stream.Collectors.groupingBy(m -> String.valueOf(m.inReplyTo()),
                                java.util.stream.Collectors.mapping(Frame.Message::seq, java.util.stream.Collectors.toSet())))
                        .values().stream().filter(seqs -> seqs.size() > 1).count()).sum();
                long movedToB = Db.count("select count(*) from conversation where" + " id = any (?::uuid[]) and client_id = ?::uuid",
                        (Object) toArray(convs), b.clientId());
                LOG.infof("crowd failover: sent %d, stored %d (distinct ids %d), delivered %d, answers %d; "
                                + "seen by A %d, by B %d; conversations at B %d of %d; doubled at customers %d",
                        sent, stored, distinctIds, CUSTOMERS * ROUNDS, answers, seenByA.size(), seenByB.size(),
                        movedToB, CUSTOMERS, doubledAtCustomers);

                assertEquals(CUSTOMERS * ROUNDS, sent);
                assertEquals(sent, stored, "every acknowledged message stored once");
                assertEquals(sent, distinctIds);
                assertEquals(CUSTOMERS, movedToB, "A's conversations moved to B after the grace period");
                assertEquals(CUSTOMERS * ROUNDS, answers, "each question answered exactly once");
                assertEquals(0, doubledAtCustomers, "no customer saw a message twice");
                for (Customer c : customers) {
                    c.socket().close();
                }
            }
        }
    }

    private static String[] toArray(Object[] uuids) {
        String[] s = new String[uuids.length];
        for (int i = 0; i < uuids.length; i++) {
            s[i] = uuids[i].toString();
        }
        return s;
    }

    private static long answersShown(List<Customer> customers) {
        return customers.stream().mapToLong(c -> c.socket().seen.stream().filter(f -> f instanceof Frame.Message m
                && m.sender() == Frame.Sender.BOT).map(f -> ((Frame.Message) f).seq()).distinct().count()).sum();
    }

    private static void count(Map<String, AtomicInteger> seen, Frame.Message m) {
        if (m.sender() == Frame.Sender.CUSTOMER) {
            seen.computeIfAbsent(m.conversationId() + ":" + m.seq(), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** Fifty new accounts sign in, scan (half each code) and open their chat, four at a time. */
    private static List<Customer> arrive(List<String> qrs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Customer>> arriving = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                String qr = qrs.get(i % 2);
                arriving.add(pool.submit(() -> {
                    String token = TestEnvironment.newCustomerToken();
                    JsonObject session = Customers.json(Customers.openSession(
                            Customers.scanId(Customers.scan(qr)), token).body());
                    Peer socket = Peer.connect(Customers.customerSocket(session.getString("ticket")), null);
                    socket.await(Frame.Welcome.class);
                    return new Customer(UUID.fromString(session.getString("conversationId")), socket);
                }));
            }
            List<Customer> customers = new ArrayList<>();
            for (Future<Customer> f : arriving) {
                customers.add(f.get());
            }
            return customers;
        } finally {
            pool.shutdown();
        }
    }
}
