package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.LinkState;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.logging.Logger;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two WildFly nodes on standalone-full-ha (A: Arquillian's, B: {@link SecondNode}) share
 * PostgreSQL and form a JGroups + Artemis cluster. A customer on node A chats with a merchant
 * client on node B, both ways; then B is killed, the client reconnects to A, and the conversation
 * goes on with nothing lost and nothing doubled.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClusterIT {

    private static final Logger LOG = Logger.getLogger(ClusterIT.class);
    private static final int DURING_OUTAGE = 5;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void customer_on_a_chats_with_client_on_b_and_the_conversation_survives_losing_b() throws Exception {
        // B never resends on its own: what reaches B's client came over the cluster from A.
        try (SecondNode b = SecondNode.start(Map.of("ALPHA01_DELIVERY_RETRY_SECONDS", "600"));
             KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                     TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-cluster-" + UUID.randomUUID(), "IT 集群收银台", "it");
            ServerApi.QrCode qr = api.createQr(reg.clientId(), "cluster");
            Map<Long, AtomicInteger> seenByClient = new ConcurrentHashMap<>();
            try (AnsweringClient client = AnsweringClient.online(reg.clientId(), staff,
                    m -> seenByClient.computeIfAbsent(m.seq(), k -> new AtomicInteger()).incrementAndGet(),
                    List.of(b.uri(), TestEnvironment.serverUri()))) {
                Waits.until("the client is connected to node B", () -> SecondNode.NAME.equals(nodeOf(reg.clientId())));

                JsonObject session = Customers.enter(qr.url());
                String conv = session.getString("conversationId");
                try (Peer customer = Peer.connect(Customers.customerSocket(session.getString("ticket")), null)) {
                    customer.await(Frame.Welcome.class);

                    // A -> B: the question, stored on A, reaches the client on B; B -> A: its answer.
                    long first = Customers.say(customer, "你好");
                    Frame.Message answer = customer.await(Frame.Message.class,
                            m -> m.sender() == Frame.Sender.BOT && Long.valueOf(first).equals(m.inReplyTo()));
                    assertTrue(answer.text().contains("欢迎"), answer.text());

                    // B -> A without any resend path: state frames are only relayed.
                    client.link().control(Frame.Action.TAKEOVER, conv);
                    customer.await(Frame.State.class, s -> s.state().equals("HUMAN"));
                    client.link().control(Frame.Action.HANDBACK, conv);
                    customer.await(Frame.State.class, s -> s.state().equals("BOT"));

                    // Node B loses power. The customer goes on writing while the client finds node A.
                    b.kill();
                    List<Long> questions = new ArrayList<>(List.of(first));
                    for (int i = 0; i < DURING_OUTAGE; i++) {
                        questions.add(Customers.say(customer, i % 2 == 0 ? "营业时间" : "wifi 密码"));
                    }
                    Waits.until("the client reconnected to node A", Duration.ofSeconds(60),
                            () -> client.link().state() == LinkState.ONLINE
                                    && "alpha01-it-a".equals(nodeOf(reg.clientId())));
                    Waits.until("every question answered", Duration.ofSeconds(60), () -> questions.stream()
                            .allMatch(q -> customer.count(Frame.Message.class, f -> f instanceof Frame.Message m
                                    && m.sender() == Frame.Sender.BOT && q.equals(m.inReplyTo())) > 0));

                    UUID id = UUID.fromString(conv);
                    long stored = Db.count("select count(*) from chat_message where conversation_id = ? "
                            + "and sender = 'CUSTOMER'", id);
                    long delivered = Db.count("select count(*) from chat_message where conversation_id = ? "
                            + "and sender = 'CUSTOMER' and delivered_at is not null", id);
                    long answers = Db.count("select count(*) from chat_message where conversation_id = ? "
                            + "and sender = 'BOT'", id);
                    long answeredQuestions = Db.count("select count(distinct in_reply_to) from chat_message "
                            + "where conversation_id = ? and sender = 'BOT'", id);
                    long seenTwice = seenByClient.values().stream().filter(n -> n.get() > 1).count();
                    LOG.infof("cluster: sent %d, stored %d, delivered %d, seen by the client %d (twice %d), "
                                    + "answers %d for %d questions; client now on %s", questions.size(), stored, delivered,
                            seenByClient.size(), seenTwice, answers, answeredQuestions, nodeOf(reg.clientId()));
                    assertEquals(questions.size(), stored, "every message stored once");
                    Waits.until("every message acknowledged by the client", () -> Db.count("select count(*) from "
                            + "chat_message where conversation_id = ? and sender = 'CUSTOMER' and delivered_at is null",
                            id) == 0);
                    assertEquals(questions.size(), seenByClient.keySet().stream()
                            .filter(questions::contains).count(), "the client saw every question");
                    assertEquals(0, seenTwice, "the client showed no message twice");
                    assertEquals(questions.size(), answeredQuestions, "every question answered");
                    assertEquals(questions.size(), answers, "each exactly once");
                }
            }
        }
    }

    private static String nodeOf(String clientId) throws Exception {
        List<List<Object>> rows = Db.query("select node from merchant_client where id = ?", UUID.fromString(clientId));
        return rows.isEmpty() ? null : (String) rows.get(0).get(0);
    }
}
