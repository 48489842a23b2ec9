package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Resume: a reconnecting peer says the last sequence number it holds and gets exactly the gap, in
 * order — the customer through {@code ?since=} on its socket, a merchant client through a
 * {@code resume} frame; another merchant's conversation is not found.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ResumeIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void both_sides_get_exactly_the_gap_in_order() throws Exception {
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-resume-" + UUID.randomUUID(), "IT 续传", "it");
            ServerApi.QrCode qr = api.createQr(reg.clientId(), "resume");
            String scanId = Customers.scanId(Customers.scan(qr.url()));
            String customerToken = TestEnvironment.newCustomerToken();
            String conv;
            try (AnsweringClient client = AnsweringClient.online(reg.clientId(), staff, m -> { })) {
                JsonObject session = Customers.json(Customers.openSession(scanId, customerToken).body());
                conv = session.getString("conversationId");
                try (Peer customer = Peer.connect(Customers.customerSocket(session.getString("ticket")), null)) {
                    customer.await(Frame.Welcome.class);
                    for (String q : List.of("你好", "wifi 密码是多少", "几点关门")) {
                        String id = "rs-" + UUID.randomUUID().toString().substring(0, 10);
                        customer.send(new Frame.Send(id, q));
                        long seq = customer.await(Frame.Ack.class, a -> a.id().equals(id)).seq();
                        customer.await(Frame.Message.class, m -> m.seq() == seq + 1);
                    }
                }
            }

            // The customer page comes back holding up to seq 2: it gets 3..6 and nothing older.
            JsonObject again = Customers.json(Customers.openSession(scanId, customerToken).body());
            try (Peer customer = Peer.connect(URI.create(Customers.customerSocket(again.getString("ticket")) + "&since=2"),
                    null)) {
                customer.await(Frame.State.class);
                assertEquals(List.of(3L, 4L, 5L, 6L), seqs(customer, conv));
                customer.send(new Frame.Resume(conv, 4));
                Waits.until("resume answered", () -> seqs(customer, conv).size() == 6);
                assertEquals(List.of(3L, 4L, 5L, 6L, 5L, 6L), seqs(customer, conv), "resume frame: the gap after 4");
                customer.send(new Frame.Resume(UUID.randomUUID().toString(), 0));
                assertEquals(ErrorCode.NOT_FOUND, customer.await(Frame.Error.class).code());
            }

            // A merchant client that holds up to seq 4 resumes and gets 5 and 6.
            URI clientSocket = TestEnvironment.clientSocket(reg.clientId());
            try (Peer client = Peer.connect(clientSocket, staff.get())) {
                client.await(Frame.Welcome.class);
                client.send(new Frame.Resume(conv, 4));
                Waits.until("client resume answered", () -> seqs(client, conv).size() >= 2);
                assertEquals(List.of(5L, 6L), seqs(client, conv));
                Frame.Message five = (Frame.Message) client.seen.stream().filter(f -> f instanceof Frame.Message m
                        && m.seq() == 5).findFirst().orElseThrow();
                assertEquals(Frame.Sender.CUSTOMER, five.sender());
                assertEquals("几点关门", five.text());
            }

            // Staff of another shop cannot resume this conversation.
            TestEnvironment.Account other = TestEnvironment.newStaff("resume-other-shop");
            try (KeycloakSession otherStaff = KeycloakSession.signIn(TestEnvironment.issuer(), other.username(),
                    other.password().toCharArray())) {
                ServerApi.Registration theirs = new ServerApi(TestEnvironment.serverUri(), otherStaff)
                        .register("it-other-" + UUID.randomUUID(), "别家", "it");
                try (Peer intruder = Peer.connect(TestEnvironment.clientSocket(theirs.clientId()), otherStaff.get())) {
                    intruder.await(Frame.Welcome.class);
                    intruder.send(new Frame.Resume(conv, 0));
                    assertEquals(ErrorCode.NOT_FOUND, intruder.await(Frame.Error.class).code());
                    assertEquals(List.of(), seqs(intruder, conv), "nothing of the other shop's conversation leaks");
                }
            }
        }
    }

    private static List<Long> seqs(Peer peer, String conversation) {
        List<Long> seqs = new ArrayList<>();
        peer.seen.stream().filter(f -> f instanceof Frame.Message m && m.conversationId().equals(conversation))
                .forEach(f -> seqs.add(((Frame.Message) f).seq()));
        return seqs;
    }
}
