package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A customer with the chat open in two tabs: both tabs are the same conversation, a question from
 * one is answered in both, and closing one tab leaves the other working.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MultiTabIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void two_tabs_share_one_conversation() throws Exception {
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-tabs-" + UUID.randomUUID(), "IT 多标签", "it");
            String scanId = Customers.scanId(Customers.scan(api.createQr(reg.clientId(), "tabs").url()));
            String token = TestEnvironment.newCustomerToken();
            try (AnsweringClient client = AnsweringClient.online(reg.clientId(), staff, m -> { })) {
                JsonObject first = Customers.json(Customers.openSession(scanId, token).body());
                JsonObject second = Customers.json(Customers.openSession(scanId, token).body());
                assertEquals(first.getString("conversationId"), second.getString("conversationId"));
                try (Peer tabA = Peer.connect(Customers.customerSocket(first.getString("ticket")), null);
                     Peer tabB = Peer.connect(Customers.customerSocket(second.getString("ticket")), null)) {
                    tabA.await(Frame.Welcome.class);
                    tabB.await(Frame.Welcome.class);
                    String id = "tab-" + UUID.randomUUID().toString().substring(0, 10);
                    tabA.send(new Frame.Send(id, "你好"));
                    long seq = tabA.await(Frame.Ack.class, a -> a.id().equals(id)).seq();
                    Frame.Message inA = tabA.await(Frame.Message.class, m -> m.seq() == seq + 1);
                    Frame.Message inB = tabB.await(Frame.Message.class, m -> m.seq() == seq + 1);
                    assertEquals(inA, inB);

                    tabA.close();
                    tabA.closed.get(30, java.util.concurrent.TimeUnit.SECONDS);
                    String again = "tab-" + UUID.randomUUID().toString().substring(0, 10);
                    tabB.send(new Frame.Send(again, "wifi 密码是多少"));
                    long seq2 = tabB.await(Frame.Ack.class, a -> a.id().equals(again)).seq();
                    assertTrue(tabB.await(Frame.Message.class, m -> m.seq() == seq2 + 1).text().contains("Wi-Fi"));
                }
            }
        }
    }
}
