package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.CloseCodes;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Heartbeats: the server pings every socket; a peer that never answers (a phone that vanished, here
 * a raw TCP client that ignores pings) is closed with 4002 after the heartbeat timeout (8 s in the
 * tests), while a live peer (one that answers pings, as browsers do) stays connected.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HeartbeatIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void silent_socket_is_closed_live_one_stays() throws Exception {
        String scanId;
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-heartbeat-" + UUID.randomUUID(), "IT 心跳", "it");
            scanId = Customers.scanId(Customers.scan(api.createQr(reg.clientId(), "hb").url()));
        }
        String token = TestEnvironment.newCustomerToken();
        JsonObject live = Customers.json(Customers.openSession(scanId, token).body());
        JsonObject silent = Customers.json(Customers.openSession(scanId, token).body());
        try (Peer browser = Peer.connect(Customers.customerSocket(live.getString("ticket")), null);
             Socket raw = javax.net.ssl.SSLSocketFactory.getDefault().createSocket("127.0.0.1",
                     TestEnvironment.serverUri().getPort())) {
            browser.await(Frame.Welcome.class);
            upgrade(raw, Customers.customerSocket(silent.getString("ticket")));

            int pings = 0;
            int closeCode = -1;
            DataInputStream in = new DataInputStream(raw.getInputStream());
            raw.setSoTimeout(60_000);
            while (closeCode < 0) {
                int b0 = in.read();
                if (b0 < 0) {
                    break;
                }
                int opcode = b0 & 0x0F;
                byte[] payload = payload(in);
                if (opcode == 0x9) {
                    pings++; // never answered
                } else if (opcode == 0x8) {
                    closeCode = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
                }
            }
            assertTrue(pings >= 1, "the server pinged");
            assertEquals(CloseCodes.HEARTBEAT_LOST, closeCode);

            assertFalse(browser.closed.isDone(), "a peer that answers pings stays connected");
            String id = "hb-" + UUID.randomUUID().toString().substring(0, 10);
            browser.send(new Frame.Send(id, "还在"));
            assertTrue(browser.await(Frame.Ack.class, a -> a.id().equals(id)).seq() > 0);
        }
    }

    /** The opening handshake of RFC 6455, by hand, so that nothing answers pings for us. */
    private static void upgrade(Socket raw, URI uri) throws IOException {
        OutputStream out = raw.getOutputStream();
        out.write(("GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + uri.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = raw.getInputStream().read();
            if (c < 0) {
                throw new IOException("connection closed during the handshake: " + head);
            }
            head.append((char) c);
        }
        assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
    }

    private static byte[] payload(DataInputStream in) throws IOException {
        int len = in.readUnsignedByte() & 0x7F;
        long length = len == 126 ? in.readUnsignedShort() : len == 127 ? in.readLong() : len;
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return payload;
    }
}
