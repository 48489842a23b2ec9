package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.CloseCodes;
import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Frames an attacker sends on both sockets (issue 15's probe): oversized, deeply nested, binary; a
 * merchant client writing into another shop's conversation; the QR endpoint asked with OPTIONS. Each
 * gets its documented answer (docs/protocol.md), and a real exchange still works afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileFramesIT {

    private static final long WAIT_S = Peer.WAIT.toSeconds();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void a_frame_over_16_kib_closes_either_socket_with_1009() throws Exception {
        try (ChatScene scene = ChatScene.open("oversize", null)) {
            // 6,000 characters of Chinese: 18 KB in UTF-8 (the limit is on bytes, not on characters).
            scene.customer.sendRaw("{\"type\":\"send\",\"id\":\"big-0001\",\"text\":\"" + "好".repeat(6000) + "\"}");
            assertEquals(CloseCodes.TOO_BIG, scene.customer.closed.get(WAIT_S, TimeUnit.SECONDS));
            scene.client.sendRaw("{\"type\":\"ping\",\"nonce\":1,\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}");
            assertEquals(CloseCodes.TOO_BIG, scene.client.closed.get(WAIT_S, TimeUnit.SECONDS));
        }
        stillServes("oversize-after");
    }

    @Test
    void deeply_nested_json_gets_an_error_frame_and_the_socket_goes_on() throws Exception {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        try (ChatScene scene = ChatScene.open("nesting", null)) {
            scene.customer.sendRaw(deep);
            assertEquals(ErrorCode.BAD_FRAME, scene.customer.await(Frame.Error.class).code());
            scene.client.sendRaw("{\"type\":\"reply\",\"x\":" + deep + "}");
            assertEquals(ErrorCode.BAD_FRAME, scene.client.await(Frame.Error.class).code());

            long seq = Customers.say(scene.customer, "还在吗");
            scene.client.await(Frame.Message.class, m -> m.seq() == seq);
            scene.client.send(new Frame.Reply("nest-answer-0001", scene.conv, "在的", Frame.Sender.STAFF, seq));
            scene.customer.await(Frame.Message.class, m -> Long.valueOf(seq).equals(m.inReplyTo()));
        }
    }

    @Test
    void a_binary_frame_closes_either_socket_with_1003() throws Exception {
        try (ChatScene scene = ChatScene.open("binary", null)) {
            scene.customer.socket.sendBinary(ByteBuffer.wrap(new byte[] {0x7b, 0x00, 0x7d}), true).join();
            assertEquals(CloseCodes.BAD_PAYLOAD, scene.customer.closed.get(WAIT_S, TimeUnit.SECONDS));
            scene.client.socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
            assertEquals(CloseCodes.BAD_PAYLOAD, scene.client.closed.get(WAIT_S, TimeUnit.SECONDS));
        }
        stillServes("binary-after");
    }

    @Test
    void another_shops_client_learns_nothing_about_a_conversation_it_writes_into() throws Exception {
        try (ChatScene scene = ChatScene.open("tenancy", "有没有燕麦奶");
             KeycloakSession strangerStaff = Shops.staffOfNewShop("it-stranger", "别家店")) {
            ServerApi strangers = new ServerApi(TestEnvironment.serverUri(), strangerStaff);
            ServerApi.Registration reg = strangers.register("it-stranger-" + UUID.randomUUID(), "IT 别家", "it");
            try (Peer stranger = Peer.connect(TestEnvironment.clientSocket(reg.clientId()), strangerStaff.get())) {
                stranger.await(Frame.Welcome.class);
                stranger.send(new Frame.Reply("stranger-0001", scene.conv, "别家的回答", Frame.Sender.BOT, scene.question));
                Frame.Error existing = stranger.await(Frame.Error.class);
                stranger.send(new Frame.Reply("stranger-0002", UUID.randomUUID().toString(), "别家的回答",
                        Frame.Sender.BOT, scene.question));
                Frame.Error unknown = stranger.await(Frame.Error.class);
                assertEquals(ErrorCode.NOT_FOUND, existing.code(), "another shop's conversation does not exist for it");
                assertEquals(unknown.code(), existing.code());
                assertEquals(unknown.message(), existing.message(), "no hint that the first one exists");
            }
            assertEquals(0, Db.count("select count(*) from chat_message where conversation_id = ? and sender <> 'CUSTOMER'",
                    scene.conversationId));
        }
    }

    @Test
    void the_qr_endpoint_answers_options_without_judging_a_code() throws Exception {
        try (ChatScene scene = ChatScene.open("options", null)) {
            String scans = "select count(*) from qr_scan where qr_code_id = ?::uuid";
            long before = Db.count(scans, scene.qr.id());
            HttpResponse<String> options = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(scene.qr.url()))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(204, options.statusCode(), options.body());
            String allow = options.headers().firstValue("Allow").orElse("");
            assertTrue(allow.contains("GET") && !allow.contains("TRACE"), allow);
            assertEquals(before, Db.count(scans, scene.qr.id()), "an OPTIONS request is not a scan");
        }
    }

    /** A new conversation still goes both ways: the server is healthy after the case. */
    private static void stillServes(String tag) throws Exception {
        try (ChatScene after = ChatScene.open(tag, "营业时间")) {
            after.client.send(new Frame.Reply(tag + "-0001", after.conv, "9 点到 21 点", Frame.Sender.STAFF, after.question));
            after.customer.await(Frame.Message.class, m -> Long.valueOf(after.question).equals(m.inReplyTo()));
        }
    }
}
