package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.LinkState;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.CloseCodes;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A customer tab that does nothing of its own (it answers pings and acknowledges answers, but
 * neither writes nor reads) is closed with 4003 after {@code ALPHA01_CUSTOMER_IDLE_SECONDS} (25 s
 * in the ITs); the merchant client's socket, as quiet, stays open.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdleCustomerIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void an_idle_customer_tab_is_closed_and_the_client_stays() throws Exception {
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-idle-" + UUID.randomUUID(), "IT 空闲", "it");
            ServerApi.QrCode qr = api.createQr(reg.clientId(), "idle");
            try (AnsweringClient client = AnsweringClient.online(reg.clientId(), staff, m -> { })) {
                JsonObject session = Customers.enter(qr.url());
                try (Peer customer = Peer.connect(Customers.customerSocket(session.getString("ticket")), null)) {
                    customer.await(Frame.Welcome.class);
                    Customers.say(customer, "你好");
                    Waits.until("the idle tab is closed", Duration.ofSeconds(60), () -> customer.closed.isDone());
                    assertEquals(CloseCodes.IDLE, customer.closed.get());
                    assertEquals(LinkState.ONLINE, client.link().state(), "the merchant client stays connected");
                }
            }
        }
    }
}
