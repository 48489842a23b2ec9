package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.LinkListener;
import com.alpha01.client.link.LinkState;
import com.alpha01.client.link.ServerApi;
import com.alpha01.client.link.ServerLink;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreKey;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Staff reply while the shop PC is offline, then the app is closed: the reply waits in the
 * encrypted outbox, the next start sends it, and the server stores it exactly once (same id).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OfflineOutboxIT {

    private static final LinkListener QUIET = new LinkListener() {
        @Override
        public void onState(LinkState state) {
        }

        @Override
        public void onMessage(Frame.Message message) {
        }
    };

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void a_reply_written_offline_survives_a_restart_and_is_delivered_once() throws Exception {
        Path folder = Files.createTempDirectory("alpha01-outbox");
        StoreKey key = StoreKey.passphrase("it-outbox-passphrase".toCharArray());
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-outbox-" + UUID.randomUUID(), "IT 离线", "it");
            ServerApi.QrCode qr = api.createQr(reg.clientId(), "outbox");
            String conv;
            try (AnsweringClient client = AnsweringClient.online(reg.clientId(), staff, m -> { })) {
                JsonObject session = Customers.enter(qr.url());
                conv = session.getString("conversationId");
                try (Peer customer = Peer.connect(Customers.customerSocket(session.getString("ticket")), null)) {
                    customer.await(Frame.Welcome.class);
                    Customers.say(customer, "有包间吗");
                }
            }

            // Offline (the server cannot be reached): the reply waits; then the app closes.
            try (ServerLink offline = new ServerLink(List.of(URI.create("http://127.0.0.1:9")), reg.clientId(), staff,
                    QUIET)) {
                offline.persistOutboxIn(EncryptedStore.open(folder, key));
                offline.start();
                offline.reply(conv, "有的，二楼有两个包间", Frame.Sender.STAFF);
                assertEquals(1, offline.outboxSize());
            }

            // The next start finds it, sends it, and the server stores it once.
            try (ServerLink online = new ServerLink(TestEnvironment.serverUri(), reg.clientId(), staff, QUIET)) {
                online.persistOutboxIn(EncryptedStore.open(folder, key));
                assertEquals(1, online.outboxSize(), "the reply survived the restart");
                online.start();
                Waits.until("the saved reply is acknowledged", () -> online.outboxSize() == 0);
            }
            assertEquals(1, Db.count("select count(*) from chat_message where conversation_id = ?::uuid "
                    + "and sender = 'STAFF' and body = ?", conv, "有的，二楼有两个包间"));
            try (ServerLink again = new ServerLink(TestEnvironment.serverUri(), reg.clientId(), staff, QUIET)) {
                again.persistOutboxIn(EncryptedStore.open(folder, key));
                assertEquals(0, again.outboxSize(), "nothing left to send twice");
            }
        } finally {
            try (var files = Files.walk(folder)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}
