package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Answers that read like the shop wrote them (issue 13): an answer goes to the customer with what it
 * rests on (frame field {@code source}), stored with the message, replayed and in the history; the
 * customer page shows it as a small label under the bubble — on the real page, with the merchant
 * client's own FAQ answering — and an empty chat opens with the shop's welcome line: the default from
 * the shop's name, or the line the shop set.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShopVoiceIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void an_answer_reaches_the_customer_with_its_source_stored_replayed_and_in_the_history() throws Exception {
        try (ChatScene scene = ChatScene.open("source", "几点开门？")) {
            Frame.Welcome welcome = (Frame.Welcome) scene.customer.seen.stream()
                    .filter(Frame.Welcome.class::isInstance).findFirst().orElseThrow();
            assertNull(welcome.welcomeLine(), "no line set: the page uses its default");

            scene.client.send(new Frame.Reply("source-answer-01", scene.conv, "每天早上九点开门。", Frame.Sender.BOT,
                    scene.question, "营业须知.pdf · 第1页"));
            long quoted = scene.client.await(Frame.Ack.class, a -> a.id().equals("source-answer-01")).seq();
            Frame.Message shown = scene.customer.await(Frame.Message.class, m -> m.seq() == quoted);
            assertEquals("每天早上九点开门。", shown.text());
            assertEquals("营业须知.pdf · 第1页", shown.source());

            scene.client.send(new Frame.Reply("source-answer-02", scene.conv, "我是店员小美", Frame.Sender.STAFF));
            long staff = scene.client.await(Frame.Ack.class, a -> a.id().equals("source-answer-02")).seq();
            assertNull(scene.customer.await(Frame.Message.class, m -> m.seq() == staff).source(), "staff cite nothing");

            assertEquals(List.of(List.of("营业须知.pdf · 第1页")), Db.query(
                    "select source from chat_message where conversation_id = ?::uuid and seq = ?", scene.conv, quoted));
            scene.customer.send(new Frame.Resume(scene.conv, scene.question));
            assertEquals("营业须知.pdf · 第1页",
                    scene.customer.await(Frame.Message.class, m -> m.seq() == quoted).source(), "replayed with it");

            JsonObject history = Customers.json(Rest.get(scene.staff.get(),
                    "/api/v1/conversations/" + scene.conv + "/messages").body());
            List<JsonObject> messages = history.getJsonArray("messages").getValuesAs(JsonObject.class);
            assertEquals("营业须知.pdf · 第1页", messages.stream().filter(m -> m.getInt("seq") == quoted).findFirst()
                    .orElseThrow().getString("source"));
            assertFalse(messages.stream().filter(m -> m.getInt("seq") == staff).findFirst().orElseThrow()
                    .containsKey("source"));
        }
    }

    @Test
    void on_the_page_an_empty_chat_opens_with_the_default_welcome_and_a_quoted_answer_shows_its_source()
            throws Exception {
        Assumptions.assumeTrue(CustomerPage.available(), "needs Debian's chromium and chromium-driver");
        TestEnvironment.Account customer = TestEnvironment.newCustomer();
        List<Frame.Message> seenByTheShop = new CopyOnWriteArrayList<>();
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray());
             CustomerPage page = CustomerPage.open()) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-voice-" + UUID.randomUUID(), "IT 来源", "it");
            ServerApi.QrCode qr = api.createQr(reg.clientId(), "voice");
            try (AnsweringClient client = AnsweringClient.online(reg.clientId(), staff, seenByTheShop::add)) {
                page.browser.get(qr.url());
                page.signIn(customer);
                page.wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "online"));

                WebElement welcome = page.wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#log .msg.welcome")));
                assertEquals("您好，欢迎光临" + reg.merchantName() + "！请问有什么可以帮您？",
                        welcome.findElement(By.cssSelector(".text")).getText());
                assertEquals(reg.merchantName(), welcome.findElement(By.cssSelector(".who")).getText());

                // The merchant client's built-in FAQ answers with its entry's text as written, naming the entry.
                page.say("你们营业时间是几点");
                WebElement answer = page.wait.until(d -> d.findElements(By.cssSelector(".msg.merchant")).stream()
                        .filter(e -> !e.findElements(By.cssSelector(".source")).isEmpty()).findFirst().orElse(null));
                assertEquals("本店营业时间为每天 9:00–21:00，节假日照常营业。",
                        answer.findElement(By.cssSelector(".text")).getText());
                assertEquals("来源：常见问题 · 第2条", answer.findElement(By.cssSelector(".source")).getText());
                page.screenshot("customer-answer-source-zh-CN.png");
                assertTrue(seenByTheShop.stream().anyMatch(m -> m.sender() == Frame.Sender.BOT
                        && "常见问题 · 第2条".equals(m.source())), "the shop's app keeps the full source too");

                // Staff's answer has no label; the welcome stays the first bubble of this visit.
                String conv = (String) Db.query("select id::text from conversation where qr_code_id = ?",
                        UUID.fromString(qr.id())).get(0).get(0);
                client.link().reply(conv, "有什么需要随时叫我", Frame.Sender.STAFF).get(30, TimeUnit.SECONDS);
                WebElement staffAnswer = page.wait.until(d -> d.findElements(By.cssSelector(".msg.merchant")).stream()
                        .filter(e -> e.getText().contains("随时叫我")).findFirst().orElse(null));
                assertTrue(staffAnswer.findElements(By.cssSelector(".source")).isEmpty());
                assertTrue(page.browser.findElements(By.cssSelector("#log .msg")).get(0).getAttribute("class")
                        .contains("welcome"), "the welcome stays the first bubble");

                // Back on the page later: the history comes from the database with its label; the chat
                // is no longer empty, so no welcome. The label follows the page's language.
                page.browser.navigate().refresh();
                page.wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "online"));
                WebElement again = page.wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector(".msg.merchant .source")));
                assertEquals("来源：常见问题 · 第2条", again.getText());
                // The state frame (it follows the replayed history) decides about the welcome.
                page.wait.until(d -> !d.findElement(By.id("answerer")).getText().isEmpty());
                assertTrue(page.browser.findElements(By.cssSelector(".msg.welcome")).isEmpty());
                page.browser.findElement(By.id("lang")).click();
                assertEquals("Source: 常见问题 · 第2条",
                        page.browser.findElement(By.cssSelector(".msg.merchant .source")).getText());
            }
        }
    }

    @Test
    void a_shop_sets_its_own_welcome_line_and_a_new_empty_chat_opens_with_it() throws Exception {
        Assumptions.assumeTrue(CustomerPage.available(), "needs Debian's chromium and chromium-driver");
        String line = "刚出炉的可颂，欢迎品尝！想了解哪款面包？";
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray());
             CustomerPage page = CustomerPage.open()) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-welcome-" + UUID.randomUUID(), "IT 欢迎语", "it");
            String byDefault = "您好，欢迎光临" + reg.merchantName() + "！请问有什么可以帮您？";
            assertFalse(api.welcomeLine().containsKey("welcomeLine"));
            assertEquals(byDefault, api.welcomeLine().getString("shown"));

            ServerApi.ApiException tooLong = assertThrows(ServerApi.ApiException.class,
                    () -> api.setWelcomeLine("欢".repeat(201)));
            assertEquals(400, tooLong.status());
            assertEquals("BAD_TEXT", tooLong.error());
            assertEquals(400, assertThrows(ServerApi.ApiException.class,
                    () -> api.setWelcomeLine("第一行\n第二行")).status());
            TestEnvironment.Account colleague = TestEnvironment.newStaff("demo-shop");
            try (KeycloakSession plainStaff = KeycloakSession.signIn(TestEnvironment.issuer(), colleague.username(),
                    colleague.password().toCharArray())) {
                assertEquals(403, assertThrows(ServerApi.ApiException.class,
                        () -> new ServerApi(TestEnvironment.serverUri(), plainStaff).setWelcomeLine("不行")).status(),
                        "only the shop's admins change it");
            }

            try {
                assertEquals(line, api.setWelcomeLine("  " + line + " ").getString("welcomeLine"));
                assertEquals(line, api.welcomeLine().getString("shown"));
                ServerApi.QrCode qr = api.createQr(reg.clientId(), "welcome");
                try (AnsweringClient client = AnsweringClient.online(reg.clientId(), staff, m -> { })) {
                    page.browser.get(qr.url());
                    page.signIn(TestEnvironment.newCustomer());
                    WebElement welcome = page.wait.until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#log .msg.welcome .text")));
                    assertEquals(line, welcome.getText());
                    page.screenshot("customer-welcome-line-zh-CN.png");
                    assertEquals(0, Db.count("select count(*) from chat_message m join conversation c "
                            + "on c.id = m.conversation_id where c.qr_code_id = ?", UUID.fromString(qr.id())),
                            "shown, not stored");
                }
            } finally {
                api.setWelcomeLine(null);
            }
            assertFalse(api.welcomeLine().containsKey("welcomeLine"), "back to the default");
            assertEquals(byDefault, api.welcomeLine().getString("shown"));
        }
    }
}
