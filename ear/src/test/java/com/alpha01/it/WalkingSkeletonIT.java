package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole path of DESIGN.md flows 1–4 with every real part: staff sign in at Keycloak, the
 * merchant client registers and gets a QR code over REST, its link connects to /ws/client; a
 * customer scans, signs in at Keycloak, opens /ws/customer and says 你好; the message is stored,
 * goes over Artemis JMS through the delivery MDB to the client, whose FAQ answers; the answer
 * comes back the same way. PostgreSQL holds both.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WalkingSkeletonIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void health_reports_up_without_sign_in() throws Exception {
        var response = Customers.NO_REDIRECTS.send(java.net.http.HttpRequest.newBuilder(
                TestEnvironment.serverUri().resolve("/api/v1/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = Customers.json(response.body());
        assertEquals("UP", body.getString("status"));
        assertEquals("UP", body.getJsonObject("checks").getString("database"));
        assertEquals("UP", body.getJsonObject("checks").getString("messaging"), "the node's broker answers");
        assertEquals("UP", body.getJsonObject("checks").getString("identity"), "Keycloak answers");
        var ready = Customers.NO_REDIRECTS.send(java.net.http.HttpRequest.newBuilder(
                TestEnvironment.serverUri().resolve("/api/v1/health/ready")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals(body.getJsonObject("checks"), Customers.json(ready.body()).getJsonObject("checks"));
        var live = Customers.NO_REDIRECTS.send(java.net.http.HttpRequest.newBuilder(
                TestEnvironment.serverUri().resolve("/api/v1/health/live")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", Customers.json(live.body()).getString("status"));
    }

    @Test
    void customer_hello_reaches_the_merchant_client_and_its_answer_comes_back() throws Exception {
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-device-" + UUID.randomUUID(), "IT 前台", "it");
            assertEquals("demo-shop", reg.merchantCode());
            ServerApi.QrCode qr = api.createQr(reg.clientId(), "counter");
            assertTrue(qr.url().startsWith(TestEnvironment.serverUri() + "/connect?merchant_id=" + reg.merchantId()
                    + "&client_id=" + reg.clientId() + "&token="), qr.url());
            assertTrue(qr.png().length > 100 && qr.png()[1] == 'P', "QR image is a PNG");

            List<Frame.Message> seenByClient = new CopyOnWriteArrayList<>();
            try (AnsweringClient client = AnsweringClient.online(reg.clientId(), staff, seenByClient::add)) {

                String customerToken = TestEnvironment.newCustomerToken();
                String scanId = Customers.scanId(Customers.scan(qr.url()));
                var sessionResponse = Customers.openSession(scanId, customerToken);
                assertEquals(200, sessionResponse.statusCode(), sessionResponse.body());
                JsonObject session = Customers.json(sessionResponse.body());
                String conversationId = session.getString("conversationId");
                assertEquals("阿尔法咖啡 · 示范店", session.getString("merchantName"), "the name from the Keycloak group");

                long base;
                try (Peer customer = Peer.connect(Customers.customerSocket(session.getString("ticket")), null)) {
                    assertEquals(conversationId, customer.await(Frame.Welcome.class).conversationId());
                    String id = "hello-" + UUID.randomUUID().toString().substring(0, 8);
                    customer.send(new Frame.Send(id, "你好"));
                    // The demo customer may already have a conversation with this shop: numbers are relative.
                    base = customer.await(Frame.Ack.class, a -> a.id().equals(id)).seq();
                    Frame.Message answer = customer.await(Frame.Message.class,
                            m -> m.sender() == Frame.Sender.BOT && m.seq() > base);
                    assertEquals(base + 1, answer.seq());
                    assertTrue(answer.text().contains("欢迎光临"), answer.text());
                    customer.send(new Frame.Delivered(conversationId, answer.seq()));

                    Frame.Message atClient = seenByClient.stream()
                            .filter(m -> m.conversationId().equals(conversationId) && m.sender() == Frame.Sender.CUSTOMER)
                            .findFirst().orElseThrow();
                    assertEquals("你好", atClient.text());
                    assertFalse(atClient.customer().contains("@mail.example"), "customer is masked for the merchant");

                    // A resend of the same id is acknowledged with the same seq and stored once.
                    customer.send(new Frame.Send(id, "你好"));
                    assertEquals(base, customer.await(Frame.Ack.class, a -> a.id().equals(id)).seq());

                    // Bad frames get error frames; the socket stays usable.
                    customer.sendRaw("not json");
                    assertEquals(ErrorCode.BAD_FRAME, customer.await(Frame.Error.class).code());
                    customer.send(new Frame.Send("toolong-1", "长".repeat(Frame.MAX_TEXT_LENGTH + 1)));
                    assertEquals(ErrorCode.BAD_TEXT, customer.await(Frame.Error.class).code());
                    customer.sendRaw("{\"type\":\"reply\",\"id\":\"abcdefgh\",\"conversationId\":\"" + conversationId
                            + "\",\"text\":\"I am the shop\"}");
                    assertEquals(ErrorCode.UNKNOWN_TYPE, customer.await(Frame.Error.class).code());

                    String second = "wifi-" + UUID.randomUUID().toString().substring(0, 8);
                    customer.send(new Frame.Send(second, "wifi 密码是多少"));
                    assertEquals(base + 2, customer.await(Frame.Ack.class, a -> a.id().equals(second)).seq());
                    Frame.Message wifi = customer.await(Frame.Message.class, m -> m.seq() == base + 3);
                    assertTrue(wifi.text().contains("Wi-Fi"), wifi.text());
                    customer.send(new Frame.Delivered(conversationId, wifi.seq()));
                }

                UUID conv = UUID.fromString(conversationId);
                List<List<Object>> rows = Db.query("select seq, sender, body from chat_message "
                        + "where conversation_id = ? and seq >= ? order by seq", conv, base);
                assertEquals(4, rows.size(), "two questions and two answers, the resend stored once");
                assertEquals(List.of(base, "CUSTOMER", "你好"), rows.get(0));
                assertEquals("BOT", rows.get(1).get(1));
                Waits.until("customer messages marked delivered by the client", () -> Db.count(
                        "select count(*) from chat_message where conversation_id = ? and sender = 'CUSTOMER' "
                                + "and seq >= ? and delivered_at is not null", conv, base) == 2);
                Waits.until("answers marked delivered by the customer page", () -> Db.count(
                        "select count(*) from chat_message where conversation_id = ? and sender = 'BOT' "
                                + "and seq >= ? and delivered_at is not null", conv, base) == 2);
                assertNotNull(Db.query("select client_id from conversation where id = ?", conv).get(0).get(0));
                assertEquals(0, client.link().outboxSize());
            }
        }
    }
}
