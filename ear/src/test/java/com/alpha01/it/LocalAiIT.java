package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.ai.FakeZhipuRequest;
import com.alpha01.client.ai.FakeZhipuServer;
import com.alpha01.client.app.MerchantApp;
import com.alpha01.client.bridge.BridgeReply;
import com.alpha01.client.kb.TestFiles;
import com.alpha01.client.settings.ClientSettings;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreKey;
import com.alpha01.protocol.Frame;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The whole stack with the local AI: a shop imports its menu as a PDF into the real merchant app
 * (bridge requests, as the 知识库 screen makes them), a customer asks in the chat, the app's
 * assistant asks "ZhipuAI" (the local fake speaking the v4 wire format) with the PDF's text as
 * context, and the customer sees the answer grow (drafts) and then receives it. When the model then
 * refuses the key (401), the next answer is quoted from the PDF with its source; a request for a
 * person hands the conversation to staff.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LocalAiIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void a_customer_question_is_answered_from_an_imported_pdf_through_the_whole_stack() throws Exception {
        String shop = "it-ai-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = com.alpha01.devstack.TokenClient.passwordGrant(TestEnvironment.issuer(), "merchant-client",
                "demo-admin", "Demo-admin-2026".toCharArray());
        assertEquals(200, Rest.post(admin, "/api/v1/admin/merchants",
                "{\"code\":\"" + shop + "\",\"name\":\"AI 测试店\"}").statusCode());
        TestEnvironment.Account staff = TestEnvironment.newStaff(shop);

        Path home = Files.createTempDirectory("alpha01-ai-it");
        Path pdf = TestFiles.pdf(home.resolve("menu.pdf"), List.of(
                "饮品菜单。本店招牌饮品是桂花燕麦拿铁，每杯 26 元，可选低因咖啡豆，燕麦奶来自本地牧场。"
                        + "经典美式每杯 18 元，拿铁每杯 22 元，手冲单品咖啡每杯 28 元起，每周更换产区。"
                        + "所有饮品均可选择冰或热，甜度可调整为无糖、三分糖或半糖。会员消费享受九折优惠，"
                        + "生日当月赠送一杯任意饮品。季节限定：冬季供应热红酒风味拿铁，售完即止。",
                "外带与包装说明。外带每杯加收包装费 1 元，使用可降解纸杯和纸吸管，外带杯可回收。"
                        + "外带订单可以提前在小程序下单，到店后凭取餐码领取，最长保留三十分钟。"
                        + "自带杯子的顾客免收包装费，并立减 2 元。外带纸袋免费提供，一次最多装四杯。"
                        + "外卖配送范围为门店三公里以内，满 39 元免配送费，配送时间约三十分钟。"));
        Files.writeString(home.resolve("client.properties"), "server.url=" + TestEnvironment.serverUri() + "\n"
                + "client.username=" + staff.username() + "\nclient.password=" + staff.password() + "\n"
                + "qr.file=" + home.resolve("qr.txt") + "\n");
        try (FakeZhipuServer zhipu = FakeZhipuServer.start()) {
            EncryptedStore store = EncryptedStore.open(home.resolve("store"), StoreKey.passphrase("it-local-ai".toCharArray()));
            try (MerchantApp app = new MerchantApp(new ClientSettings(home), store)) {
                ok(app, "settings.save", Json.createObjectBuilder().add("zhipuKey", FakeZhipuServer.API_KEY)
                        .add("zhipuBaseUrl", zhipu.apiBaseUrl()).add("zhipuModel", "glm-4-flash").build());
                // Rules that depend on the time of day stay out of the way of this test's counts.
                ok(app, "automation.enable", Json.createObjectBuilder().add("id", "after-hours").add("enabled", false).build());
                app.start();
                Waits.until("the app is online", Duration.ofSeconds(60),
                        () -> "online".equals(ok(app, "system.status", JsonObject.EMPTY_JSON_OBJECT).getString("state")));

                ok(app, "knowledge.importPaths", Json.createObjectBuilder().add("paths",
                        Json.createArrayBuilder().add(pdf.toString())).build());
                Waits.until("the PDF is in the knowledge base", Duration.ofSeconds(90), () -> ok(app, "knowledge.list",
                        JsonObject.EMPTY_JSON_OBJECT).getJsonArray("documents").stream()
                        .anyMatch(d -> d.asJsonObject().getString("name").equals("menu.pdf")));

                Waits.until("the QR code file is written", () -> Files.exists(home.resolve("qr.txt")));
                JsonObject session = Customers.enter(Files.readString(home.resolve("qr.txt")).strip());
                String conv = session.getString("conversationId");
                try (Peer customer = Peer.connect(Customers.customerSocket(session.getString("ticket")), null)) {
                    customer.await(Frame.Welcome.class);

                    // The model answers, streamed; the knowledge from the PDF went with the question.
                    zhipu.enqueue(FakeZhipuServer.Reply.text("我们的招牌是", "桂花燕麦拿铁，", "每杯 26 元。")
                            .withDelay(Duration.ofMillis(300)));
                    long q1 = Customers.say(customer, "你们的招牌饮品多少钱？");
                    Frame.Draft draft = customer.await(Frame.Draft.class, d -> d.inReplyTo() == q1);
                    assertTrue("我们的招牌是桂花燕麦拿铁，每杯 26 元。".startsWith(draft.text()), draft.text());
                    Frame.Message a1 = customer.await(Frame.Message.class,
                            m -> m.sender() == Frame.Sender.BOT && Long.valueOf(q1).equals(m.inReplyTo()));
                    assertEquals("我们的招牌是桂花燕麦拿铁，每杯 26 元。", a1.text());
                    FakeZhipuRequest asked = zhipu.request(0);
                    assertEquals("Bearer", asked.header("Authorization").split(" ")[0]);
                    assertTrue(asked.stream(), "answers are streamed");
                    String sent = asked.messages().toString();
                    assertTrue(sent.contains("桂花燕麦拿铁") && sent.contains("menu.pdf"),
                            "the PDF's text and its source went to the model: " + sent);

                    // The key is refused: the answer is quoted from the PDF as the shop wrote it (no 根据《…》
                    // heading), its source beside the text.
                    zhipu.enqueue(FakeZhipuServer.Reply.error(401, "1000", "身份验证失败"));
                    long q2 = Customers.say(customer, "外带需要付包装费吗？");
                    Frame.Message a2 = customer.await(Frame.Message.class,
                            m -> m.sender() == Frame.Sender.BOT && Long.valueOf(q2).equals(m.inReplyTo()));
                    assertTrue(a2.text().contains("包装费") && !a2.text().contains("《")
                            && a2.source() != null && a2.source().startsWith("menu.pdf"), () -> a2.text() + " ("
                            + a2.source() + ") — the knowledge base finds: " + ok(app, "knowledge.search",
                            Json.createObjectBuilder().add("q", "外带需要付包装费吗？").build()));

                    // Asking for a person: handed to staff at once, without the model.
                    int before = zhipu.requestCount();
                    long q3 = Customers.say(customer, "帮我转人工");
                    // The reply and the HUMAN state travel different paths: either may come first.
                    Frame.State human = customer.await(Frame.State.class, s -> "HUMAN".equals(s.state()));
                    assertEquals(conv, human.conversationId());
                    Waits.until("the hand-off reply reached the customer", () -> customer.count(Frame.Message.class,
                            f -> ((Frame.Message) f).sender() == Frame.Sender.BOT
                                    && Long.valueOf(q3).equals(((Frame.Message) f).inReplyTo())) == 1);
                    assertEquals(before, zhipu.requestCount(), "no model call for a hand-off");
                    assertEquals(3, Db.count("select count(*) from chat_message where conversation_id = ?::uuid "
                            + "and sender = 'BOT' and in_reply_to is not null", conv), "three answers, each stored once");
                    assertFalse(Db.count("select count(*) from chat_message where conversation_id = ?::uuid "
                            + "and body like '%null%'", conv) > 0, "no stray 'null' from the model module");
                }
            }
        }
    }

    private static JsonObject ok(MerchantApp app, String type, JsonObject payload) {
        BridgeReply reply = app.bridge().dispatch(Json.createObjectBuilder().add("type", type).add("payload", payload)
                .build().toString());
        assertTrue(reply.ok(), () -> type + " failed: " + reply.code() + " " + reply.message());
        return reply.result();
    }

}
