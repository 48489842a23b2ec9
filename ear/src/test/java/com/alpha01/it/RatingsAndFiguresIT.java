package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.LinkListener;
import com.alpha01.client.link.LinkState;
import com.alpha01.client.link.ServerApi;
import com.alpha01.client.link.ServerLink;
import com.alpha01.devstack.TokenClient;
import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17 over the real server: a customer rates a closed conversation once (refusals for an open one,
 * a bad score, another conversation, a second different rating), the client holding it and a tab opening
 * later learn the rating; the change of hands is recorded, the roll-up takes the conversation in, and the
 * figures API shows it to the shop, while other shops' figures stay behind 404 for everyone but their own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RatingsAndFiguresIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void a_closed_conversation_is_rated_once_and_the_shops_figures_show_it() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration counter = api.register("it-rate-counter-" + run, "IT 评价前台", "it");
            ServerApi.Registration office = api.register("it-rate-office-" + run, "IT 评价后台", "it");
            ServerApi.QrCode qr = api.createQr(counter.clientId(), "rating");
            List<Frame.Rated> officeRatings = new CopyOnWriteArrayList<>();
            LinkListener officeListener = new LinkListener() {
                @Override
                public void onState(LinkState state) {
                }

                @Override
                public void onMessage(Frame.Message message) {
                }

                @Override
                public void onRated(Frame.Rated rated) {
                    officeRatings.add(rated);
                }
            };
            String customerToken = TestEnvironment.newCustomerToken();
            try (AnsweringClient counterClient = AnsweringClient.online(counter.clientId(), staff, m -> { });
                 ServerLink officeLink = new ServerLink(TestEnvironment.serverUri(), office.clientId(), staff,
                         officeListener)) {
                officeLink.start();
                Waits.until("office online", () -> officeLink.state() == LinkState.ONLINE);
                JsonObject session = Customers.json(Customers.openSession(Customers.scanId(Customers.scan(qr.url())),
                        customerToken).body());
                String conv = session.getString("conversationId");
                UUID id = UUID.fromString(conv);
                try (Peer customer = Peer.connect(Customers.customerSocket(session.getString("ticket")), null)) {
                    customer.await(Frame.Welcome.class);
                    Customers.say(customer, "你好");
                    customer.await(Frame.Message.class, m -> m.sender() == Frame.Sender.BOT);

                    customer.send(new Frame.Rate(conv, 5, null));
                    assertEquals(ErrorCode.CONFLICT, customer.await(Frame.Error.class).code(), "an open conversation");

                    officeLink.control(Frame.Action.TAKEOVER, conv);
                    customer.await(Frame.State.class, s -> s.state().equals("HUMAN"));
                    officeLink.reply(conv, "您好，我是店员", Frame.Sender.STAFF).get(30, TimeUnit.SECONDS);
                    officeLink.control(Frame.Action.CLOSE, conv);
                    customer.await(Frame.State.class, s -> s.state().equals("CLOSED"));

                    customer.sendRaw("{\"type\":\"rate\",\"conversationId\":\"" + conv + "\",\"score\":6}");
                    assertEquals(ErrorCode.BAD_FRAME, customer.await(Frame.Error.class).code());
                    customer.send(new Frame.Rate(UUID.randomUUID().toString(), 4, null));
                    assertEquals(ErrorCode.NOT_FOUND, customer.await(Frame.Error.class).code());

                    String comment = "很周到 " + run;
                    customer.send(new Frame.Rate(conv, 4, comment));
                    Frame.Rated rated = customer.await(Frame.Rated.class);
                    assertEquals(List.of(4, comment), List.of(rated.score(), rated.comment()));
                    Waits.until("the client holding it is told", () -> officeRatings.stream()
                            .anyMatch(r -> r.conversationId().equals(conv) && r.score() == 4));
                    customer.send(new Frame.Rate(conv, 4, comment));
                    assertEquals(4, customer.await(Frame.Rated.class).score(), "the same rating again: a resend");
                    customer.send(new Frame.Rate(conv, 1, null));
                    assertEquals(ErrorCode.CONFLICT, customer.await(Frame.Error.class).code(), "rated already");
                    assertEquals(List.of(List.of(4, comment)), Db.query("select score::int, comment from "
                            + "conversation_rating where conversation_id = ?", id));
                }

                // A tab opening later on the closed, rated conversation learns the rating before the state.
                JsonObject again = Customers.json(Customers.openSession(Customers.scanId(Customers.scan(qr.url())),
                        customerToken).body());
                assertEquals(conv, again.getString("conversationId"));
                try (Peer tab = Peer.connect(Customers.customerSocket(again.getString("ticket")), null)) {
                    assertEquals(4, tab.await(Frame.Rated.class).score());
                    assertEquals("CLOSED", tab.await(Frame.State.class).state());
                }
            }

            // What the figures rest on: the change of hands, the staff member's answer, the roll-up's row.
            assertEquals(Set.of("TAKEOVER/STAFF", "CLOSE/STAFF"), Db.query("select kind || '/' || actor from "
                    + "conversation_event where conversation_id = ?", UUID.fromString(conversationOf(qr))).stream()
                    .map(r -> (String) r.get(0)).collect(Collectors.toSet()));
            assertEquals(1, Db.count("select count(*) from chat_message where conversation_id = ? and sender = 'STAFF' "
                    + "and author is not null", UUID.fromString(conversationOf(qr))));
            Waits.until("the roll-up took the conversation in", Duration.ofSeconds(60), () -> Db.count(
                    "select count(*) from conversation_day where conversation_id = ? and handed_off "
                            + "and customer_messages = 1 and staff_messages = 1 and staff_name is not null",
                    UUID.fromString(conversationOf(qr))) == 1);
            var figures = Rest.get(staff.get(), "/api/v1/analytics/shop");
            assertEquals(200, figures.statusCode(), figures.body());
            JsonObject body = Customers.json(figures.body());
            assertTrue(body.getJsonObject("figures").getJsonObject("ratings").getJsonArray("comments").stream()
                    .map(JsonValue::asJsonObject).anyMatch(c -> ("很周到 " + run).equals(c.getString("comment", null))),
                    figures.body());
            assertTrue(body.getJsonObject("figures").getJsonObject("totals").getInt("conversations") >= 1);
            assertEquals("demo-shop", body.getString("code"));
        }
    }

    @Test
    void each_admin_sees_only_the_shops_they_may_and_others_are_not_found() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String admin = token("demo-admin", "Demo-admin-2026");
        String alone = "it-alone-" + run;
        assertEquals(200, Rest.post(admin, "/api/v1/admin/merchants", "{\"code\":\"" + alone + "\",\"name\":\"独立店\"}")
                .statusCode());
        String staff = token("demo-staff", TestEnvironment.STAFF_PASSWORD);
        String chainAdmin = token("demo-chain-admin", "Demo-chain-2026");

        assertEquals(200, Rest.get(staff, "/api/v1/analytics/shop?merchant=demo-shop").statusCode());
        var east = Rest.get(staff, "/api/v1/analytics/shop?merchant=demo-shop-east");
        var unknown = Rest.get(staff, "/api/v1/analytics/shop?merchant=no-such-" + run);
        assertEquals(404, east.statusCode(), "another store of the chain, for a staff member");
        assertEquals(404, unknown.statusCode());
        assertEquals(Customers.json(unknown.body()).getString("error"), Customers.json(east.body()).getString("error"));
        assertEquals(403, Rest.get(staff, "/api/v1/analytics/chain").statusCode(), "staff manage no chain");

        var chain = Rest.get(chainAdmin, "/api/v1/analytics/chain?from=2026-11-01&to=2026-11-30");
        assertEquals(200, chain.statusCode(), chain.body());
        Set<String> stores = Customers.json(chain.body()).getJsonArray("stores").stream()
                .map(s -> s.asJsonObject().getString("code")).collect(Collectors.toSet());
        assertTrue(stores.containsAll(Set.of("demo-shop", "demo-shop-east")) && !stores.contains(alone), stores.toString());
        assertEquals(200, Rest.get(chainAdmin, "/api/v1/analytics/shop?merchant=demo-shop-east").statusCode());
        assertEquals(404, Rest.get(chainAdmin, "/api/v1/analytics/shop?merchant=" + alone).statusCode(),
                "a shop outside the chain");
        assertEquals(200, Rest.get(admin, "/api/v1/analytics/shop?merchant=" + alone).statusCode(), "platform admin");

        // A store's staff and codes: its admins only; another chain's store, or a sister store for a store
        // manager, is not found.
        assertEquals(200, Rest.get(chainAdmin, "/api/v1/stores/demo-shop-east/staff").statusCode());
        assertEquals(404, Rest.get(chainAdmin, "/api/v1/stores/" + alone + "/staff").statusCode());
        assertEquals(200, Rest.get(staff, "/api/v1/stores/demo-shop/staff").statusCode(), "a store manager, their own");
        assertEquals(404, Rest.get(staff, "/api/v1/stores/demo-shop-east/staff").statusCode());
        assertEquals(403, Rest.get(token("demo-staff-east", TestEnvironment.STAFF_PASSWORD),
                "/api/v1/stores/demo-shop-east/staff").statusCode(), "staff without admin rights");
        assertEquals(404, Rest.post(chainAdmin, "/api/v1/stores/demo-shop-east/staff/"
                + UUID.randomUUID() + "/disable", "").statusCode(), "nobody of that store");
        assertEquals(200, Rest.get(chainAdmin, "/api/v1/qr-codes?merchant=demo-shop-east").statusCode());
        assertEquals(404, Rest.get(chainAdmin, "/api/v1/qr-codes?merchant=" + alone).statusCode());
        assertEquals(404, Rest.get(staff, "/api/v1/qr-codes?merchant=demo-shop-east").statusCode());

        assertEquals(400, Rest.get(staff, "/api/v1/analytics/shop?from=2026-12-08&to=2026-12-01").statusCode());
        assertEquals(400, Rest.get(staff, "/api/v1/analytics/shop?from=yesterday").statusCode());
        assertEquals(403, Rest.get(TestEnvironment.newCustomerToken(), "/api/v1/analytics/shop").statusCode());
        assertEquals(401, Rest.get(null, "/api/v1/analytics/shop").statusCode());
    }

    private static String conversationOf(ServerApi.QrCode qr) throws Exception {
        return (String) Db.query("select id::text from conversation where qr_code_id = ?", UUID.fromString(qr.id()))
                .get(0).get(0);
    }

    private static String token(String username, String password) throws Exception {
        return TokenClient.passwordGrant(TestEnvironment.issuer(), "merchant-client", username, password.toCharArray());
    }
}
