package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.devstack.TokenClient;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/v1/merchant/stats} on a shop made for the test, so every figure is exact: a
 * question that waits while no client is online, questions answered by the AI, by staff, by both
 * (counted once, for the first answer) and not at all, a closed conversation; another shop sees
 * none of it, and a customer is refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatsIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void todays_figures_count_the_callers_own_shop_exactly() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        TestEnvironment.Account account = TestEnvironment.newStaff("it-stats-" + run);
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), account.username(),
                account.password().toCharArray())) {
            assertFigures(stats(staff.get()), 0, 0, 0, 0, 0, "0", 0, 0);
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-stats-pc-" + run, "IT 统计", "it");
            ServerApi.QrCode qr = api.createQr(reg.clientId(), "stats");

            // No client of the shop online: the customer's question waits for staff.
            JsonObject waiting = Customers.enter(qr.url());
            String queued = waiting.getString("conversationId");
            assertEquals("QUEUED", waiting.getString("state"));
            long q0;
            try (Peer customer = Peer.connect(Customers.customerSocket(waiting.getString("ticket")), null)) {
                customer.await(Frame.Welcome.class);
                q0 = Customers.say(customer, "有人吗");
            }
            assertFigures(stats(staff.get()), 1, 1, 0, 0, 0, "0", 1, 1);

            try (Peer client = Peer.connect(TestEnvironment.clientSocket(reg.clientId()), staff.get())) {
                client.await(Frame.Welcome.class);
                // The queued conversation comes to the client as soon as it is online; the AI answers.
                client.await(Frame.Message.class, m -> m.conversationId().equals(queued) && m.seq() == q0);
                answer(client, queued, Frame.Sender.BOT, q0);

                // Customer A: one question answered by the AI and then by staff too, one by staff, one by nobody.
                JsonObject a = Customers.enter(qr.url());
                String convA = a.getString("conversationId");
                try (Peer customer = Peer.connect(Customers.customerSocket(a.getString("ticket")), null)) {
                    customer.await(Frame.Welcome.class);
                    long q1 = Customers.say(customer, "几点关门");
                    long q2 = Customers.say(customer, "可以开发票吗");
                    Customers.say(customer, "停车方便吗");
                    answer(client, convA, Frame.Sender.BOT, q1);
                    answer(client, convA, Frame.Sender.STAFF, q1);
                    answer(client, convA, Frame.Sender.STAFF, q2);
                    answer(client, convA, Frame.Sender.STAFF, null); // a remark that answers no question
                }

                // Customer B: answered by the AI, then staff close the conversation.
                JsonObject b = Customers.enter(qr.url());
                String convB = b.getString("conversationId");
                try (Peer customer = Peer.connect(Customers.customerSocket(b.getString("ticket")), null)) {
                    customer.await(Frame.Welcome.class);
                    answer(client, convB, Frame.Sender.BOT, Customers.say(customer, "有优惠吗"));
                    client.send(new Frame.Control(Frame.Action.CLOSE, convB));
                    client.await(Frame.State.class,
                            s -> s.conversationId().equals(convB) && "CLOSED".equals(s.state()));
                }
            }
            // 3 conversations, 5 questions; answered: q0, q1, q4 by the AI first, q2 by staff; A and the
            // formerly queued one are open, B is closed.
            assertFigures(stats(staff.get()), 3, 5, 4, 3, 1, "0.75", 0, 2);
        }

        // Another shop sees none of it.
        TestEnvironment.Account stranger = TestEnvironment.newStaff("it-stats-other-" + run);
        assertFigures(stats(staffToken(stranger)), 0, 0, 0, 0, 0, "0", 0, 0);
    }

    @Test
    void only_merchant_staff_get_figures_and_admin_only_calls_stay_admin_only() throws Exception {
        String customer = TestEnvironment.customerToken();
        assertEquals(403, Rest.get(customer, "/api/v1/merchant/stats").statusCode());
        String chainAdmin = TokenClient.passwordGrant(TestEnvironment.issuer(), "merchant-client", "demo-chain-admin",
                "Demo-chain-2026".toCharArray());
        assertEquals(403, Rest.get(chainAdmin, "/api/v1/merchant/stats").statusCode());

        // The stats pattern opens only itself to staff: inviting a colleague still needs a merchant admin.
        TestEnvironment.Account plainStaff = TestEnvironment.newStaff("it-stats-plain-" + UUID.randomUUID()
                .toString().substring(0, 8));
        String token = staffToken(plainStaff);
        assertEquals(200, Rest.get(token, "/api/v1/merchant/stats").statusCode());
        assertEquals(403, Rest.post(token, "/api/v1/merchant/staff", "{}").statusCode());
    }

    private static String staffToken(TestEnvironment.Account account) throws Exception {
        try (KeycloakSession s = KeycloakSession.signIn(TestEnvironment.issuer(), account.username(),
                account.password().toCharArray())) {
            return s.get();
        }
    }

    /** The figures, after checking the answer's status, caching and day. */
    private static JsonObject stats(String token) throws Exception {
        LocalDate before = LocalDate.now(ZONE);
        HttpResponse<String> r = Rest.get(token, "/api/v1/merchant/stats");
        LocalDate after = LocalDate.now(ZONE);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        JsonObject o = Customers.json(r.body());
        assertEquals(Set.of("day", "zone", "conversations", "customerMessages", "answered", "answeredByBot",
                "answeredByStaff", "aiAnswerRate", "waitingForStaff", "openConversations"), o.keySet());
        assertEquals("Asia/Shanghai", o.getString("zone"));
        assertTrue(o.getString("day").equals(before.toString()) || o.getString("day").equals(after.toString()),
                o.getString("day"));
        return o;
    }

    private static void assertFigures(JsonObject o, long conversations, long customerMessages, long answered,
            long byBot, long byStaff, String rate, long waiting, long open) {
        Map<String, Long> expected = Map.of("conversations", conversations, "customerMessages", customerMessages,
                "answered", answered, "answeredByBot", byBot, "answeredByStaff", byStaff, "waitingForStaff", waiting,
                "openConversations", open);
        expected.forEach((key, value) -> assertEquals(value, o.getJsonNumber(key).longValueExact(), key + " in " + o));
        assertEquals(0, new BigDecimal(rate).compareTo(o.getJsonNumber("aiAnswerRate").bigDecimalValue()),
                "aiAnswerRate in " + o);
    }

    /** The client answers (as {@code sender}, naming {@code question} when not null); waits for the ack. */
    private static void answer(Peer client, String conversationId, Frame.Sender sender, Long question)
            throws InterruptedException {
        String id = "stats-" + UUID.randomUUID().toString().substring(0, 12);
        client.send(new Frame.Reply(id, conversationId, "好的", sender, question));
        client.await(Frame.Ack.class, ack -> ack.id().equals(id));
    }
}
