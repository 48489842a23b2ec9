package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.CloseCodes;
import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Floods on the customer socket: frames over the per-socket rate are refused with RATE_LIMITED
 * and nothing is stored for them; the socket stays usable; a peer that keeps flooding is closed
 * with the policy code.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FloodIT {

    private String scanId;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void scan_a_code() throws Exception {
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-flood-" + UUID.randomUUID(), "IT 门口", "it");
            scanId = Customers.scanId(Customers.scan(api.createQr(reg.clientId(), "door").url()));
        }
    }

    private Peer openCustomer() throws Exception {
        var response = Customers.openSession(scanId, TestEnvironment.newCustomerToken());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject session = Customers.json(response.body());
        Peer peer = Peer.connect(Customers.customerSocket(session.getString("ticket")), null);
        peer.await(Frame.Welcome.class);
        return peer;
    }

    @Test
    void a_burst_over_the_rate_is_refused_not_stored_and_the_socket_carries_on() throws Exception {
        String prefix = "fl" + UUID.randomUUID().toString().substring(0, 8);
        try (Peer customer = openCustomer()) {
            for (int i = 0; i < 40; i++) {
                customer.send(new Frame.Send(prefix + "-" + i, "第" + i + "条"));
            }
            // Frames are handled in order: once a ping after the burst is answered, the burst is done.
            Frame.Pong pong = null;
            for (long nonce = 1; pong == null && nonce < 200; nonce++) {
                long n = nonce;
                customer.send(new Frame.Ping(n));
                pong = customer.poll(Frame.Pong.class, p -> p.nonce() == n, Duration.ofMillis(500));
            }
            assertTrue(pong != null, "the socket answers again once the rate allows");
            long acks = customer.count(Frame.Ack.class, f -> ((Frame.Ack) f).id().startsWith(prefix));
            assertTrue(customer.count(Frame.Error.class, f -> ((Frame.Error) f).code() == ErrorCode.RATE_LIMITED) >= 1,
                    "the flood is told it is rate limited");
            assertTrue(acks >= 20 && acks < 40, "the burst allowance is accepted, the rest refused: " + acks);
            assertEquals(acks, Db.count("select count(*) from chat_message where sender_msg_id like ?", prefix + "-%"),
                    "exactly the acknowledged frames are stored");

            // Still usable: a resend of the same id (as the page does) goes through once the rate allows.
            String after = prefix + "-after";
            Frame.Ack ack = null;
            for (int i = 0; ack == null && i < 100; i++) {
                customer.send(new Frame.Send(after, "还在吗"));
                ack = customer.poll(Frame.Ack.class, a -> a.id().equals(after), Duration.ofMillis(500));
            }
            assertTrue(ack != null && ack.seq() > 0, "a later message is accepted");
            assertEquals(1, Db.count("select count(*) from chat_message where sender_msg_id = ?", after));
        }
    }

    @Test
    void a_peer_that_keeps_flooding_is_closed_with_the_policy_code() throws Exception {
        try (Peer customer = openCustomer()) {
            for (int i = 0; i < 200 && !customer.closed.isDone(); i++) {
                try {
                    customer.sendRaw("{\"type\":\"ping\",\"nonce\":" + i + "}");
                } catch (RuntimeException closedMeanwhile) {
                    break;
                }
            }
            assertEquals(CloseCodes.POLICY, customer.closed.get(30, TimeUnit.SECONDS));
        }
    }
}
