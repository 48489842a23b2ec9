package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.LinkState;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Network faults between a merchant client and the server (issue 15's fault suite, short version):
 * the product's own link, answering from its FAQ, reaches the server through {@link FaultyLink}; a
 * customer asks questions while the connection is cut, stalled (packets held, nobody told) or slowed
 * by 300 ms. Every question is answered, none twice: 0 lost, 0 duplicated, counted in PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NetworkFaultIT {

    private static final int QUESTIONS = 12;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void a_connection_cut_while_questions_flow_loses_nothing_and_answers_nothing_twice() throws Exception {
        exchangeThrough("drop", FaultyLink::drop);
    }

    @Test
    void a_stalled_connection_is_noticed_by_the_client_which_connects_again_and_loses_nothing() throws Exception {
        // Nobody is told: the client hears nothing for 30 s (Heartbeat.SILENT_SECONDS) and connects again.
        exchangeThrough("stall", FaultyLink::stall);
    }

    @Test
    void three_hundred_ms_each_way_slows_the_answers_and_loses_nothing() throws Exception {
        exchangeThrough("latency", link -> link.latency(300));
    }

    interface Fault {
        void inject(FaultyLink link) throws Exception;
    }

    /** Half the questions, the fault, the other half; then every question answered exactly once. */
    private static void exchangeThrough(String tag, Fault fault) throws Exception {
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray());
             FaultyLink link = new FaultyLink(TestEnvironment.serverUri())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-net-" + tag + "-" + UUID.randomUUID(), "IT 网络", "it");
            String qr = api.createQr(reg.clientId(), tag).url();
            try (AnsweringClient client = AnsweringClient.online(reg.clientId(), staff, m -> { }, List.of(link.uri()))) {
                JsonObject session = Customers.enter(qr);
                String conv = session.getString("conversationId");
                try (Peer customer = Peer.connect(Customers.customerSocket(session.getString("ticket")), null)) {
                    customer.await(Frame.Welcome.class);
                    for (int i = 0; i < QUESTIONS; i++) {
                        if (i == QUESTIONS / 2) {
                            fault.inject(link);
                        }
                        Customers.say(customer, "营业时间是几点？第" + (i + 1) + "问");
                    }
                }
                // Counted where they are kept: the customer's tab may go idle (4003) while the client reconnects.
                Waits.until("every question answered (the client reconnects by itself)", Duration.ofSeconds(120),
                        () -> Db.count("select count(distinct in_reply_to) from chat_message where conversation_id = ?::uuid"
                                + " and sender <> 'CUSTOMER'", conv) == QUESTIONS);
                assertEquals(LinkState.ONLINE, client.link().state());
                assertEquals(QUESTIONS, Db.count("select count(*) from chat_message where conversation_id = ?::uuid "
                        + "and sender = 'CUSTOMER'", conv), "each question stored once");
                assertEquals(QUESTIONS, Db.count("select count(*) from chat_message where conversation_id = ?::uuid "
                        + "and sender <> 'CUSTOMER'", conv), "each answered once: 0 lost, 0 duplicated");
            }
        }
    }
}
