package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A connected merchant client that does not acknowledge a customer message gets it again (after
 * {@code ALPHA01_DELIVERY_RETRY_SECONDS}, 3 s in the tests) until it does.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RetryIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void unacknowledged_delivery_is_sent_again_until_acknowledged() throws Exception {
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-retry-" + UUID.randomUUID(), "IT 重发", "it");
            String scanId = Customers.scanId(Customers.scan(api.createQr(reg.clientId(), "retry").url()));
            URI clientSocket = TestEnvironment.clientSocket(reg.clientId());
            try (Peer client = Peer.connect(clientSocket, staff.get())) {
                client.await(Frame.Welcome.class);
                JsonObject session = Customers.json(Customers.openSession(scanId, TestEnvironment.newCustomerToken()).body());
                String conv = session.getString("conversationId");
                try (Peer customer = Peer.connect(Customers.customerSocket(session.getString("ticket")), null)) {
                    customer.await(Frame.Welcome.class);
                    String id = "retry-" + UUID.randomUUID().toString().substring(0, 8);
                    customer.send(new Frame.Send(id, "你好"));
                    long seq = customer.await(Frame.Ack.class, a -> a.id().equals(id)).seq();

                    client.await(Frame.Message.class, m -> m.conversationId().equals(conv) && m.seq() == seq);
                    // No receipt: the same message comes again.
                    Frame.Message again = client.await(Frame.Message.class,
                            m -> m.conversationId().equals(conv) && m.seq() == seq);
                    assertEquals("你好", again.text());
                    client.send(new Frame.Delivered(conv, seq));
                    Waits.until("receipt recorded", () -> Db.count("select count(*) from chat_message where "
                            + "conversation_id = ? and seq = ? and delivered_at is not null", UUID.fromString(conv), seq) == 1);
                }
            }
        }
    }
}
