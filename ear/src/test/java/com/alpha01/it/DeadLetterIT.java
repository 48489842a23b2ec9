package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.Frame;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A poison message on the delivery queue (one the MDB can never process) is tried a bounded number
 * of times, then parked in the dead-letter queue with one ERROR alert in the server log and counted
 * by the health endpoint, while chat delivery goes on.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeadLetterIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(name = "app", order = 1, testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Deployment(name = "poison", order = 2, testable = false)
    static WebArchive poison() {
        return Deployments.poison();
    }

    @Test
    void poison_message_is_parked_in_the_dead_letter_queue_with_an_alert() throws Exception {
        URI servlet = TestEnvironment.serverUri().resolve("/it-poison/poison");
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(servlet).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        String jmsId = put.body().strip();

        Path log = Path.of(System.getProperty("alpha01.wildfly.home"), "standalone/log/server.log");
        Waits.until("an alert names the dead letter", () -> alerts(log, jmsId) == 1);
        assertEquals("1", HTTP.send(HttpRequest.newBuilder(URI.create(servlet + "?id=" + jmsId)).build(),
                HttpResponse.BodyHandlers.ofString()).body(), "the message waits in the dead-letter queue");
        String health = HTTP.send(HttpRequest.newBuilder(TestEnvironment.serverUri().resolve("/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(Customers.json(health).getInt("deadLetters") >= 1, health);

        // Delivery goes on: a customer's question still reaches the client and is answered.
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-dlq-" + UUID.randomUUID(), "IT 死信", "it");
            ServerApi.QrCode qr = api.createQr(reg.clientId(), "dlq");
            try (AnsweringClient client = AnsweringClient.online(reg.clientId(), staff, m -> { })) {
                var session = Customers.enter(qr.url());
                try (Peer customer = Peer.connect(Customers.customerSocket(session.getString("ticket")), null)) {
                    customer.await(Frame.Welcome.class);
                    long seq = Customers.say(customer, "营业时间");
                    customer.await(Frame.Message.class, m -> Long.valueOf(seq).equals(m.inReplyTo()));
                }
            }
        }
        assertEquals(1, alerts(log, jmsId), "alerted once, not on every look");
    }

    private static long alerts(Path log, String jmsId) throws Exception {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("ALERT dead letter " + jmsId)).count();
        }
    }
}
