package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.Frame;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The customer's page when staff step in and when the conversation ends (issue 17), in headless Chromium:
 * the 转人工 line names who answers, the closing offers a rating card, the rating reaches the shop's client
 * and the database once, and the page opened again thanks instead of asking again — in Chinese and English.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RatingPageIT {

    private CustomerPage page;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void open_browser() throws Exception {
        Assumptions.assumeTrue(CustomerPage.available(), "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        page = CustomerPage.open();
    }

    @AfterEach
    void close_browser() throws Exception {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void staff_step_in_the_conversation_ends_and_the_customer_rates_it() throws Exception {
        TestEnvironment.Account customer = TestEnvironment.newCustomer();
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-rating-page-" + UUID.randomUUID(), "IT 评价", "it");
            ServerApi.QrCode qr = api.createQr(reg.clientId(), "rating-page");
            try (Peer client = Peer.connect(TestEnvironment.clientSocket(reg.clientId()), staff.get())) {
                client.await(Frame.Welcome.class);
                WebDriverWait wait = page.wait;
                page.browser.get(qr.url());
                // The sign-in page a customer meets first (Keycloak's, with the realm's theme): WCAG 2.1 AA.
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
                // The realm's theme (keycloak-realm): Chinese first, the shop's name, the glass look.
                page.screenshot("customer-sign-in-zh-CN.png");
                assertEquals("zh-CN", page.browser.findElement(By.tagName("html")).getAttribute("lang"),
                        page.browser.getCurrentUrl());
                String shop = (String) Db.query("select m.name from merchant m join qr_code q on q.merchant_id = m.id "
                        + "where q.id = ?::uuid", qr.id()).get(0).get(0);
                List<WebElement> shown = page.browser.findElements(By.cssSelector("#kc-header-wrapper .alpha01-shop"));
                assertEquals(List.of(shop), shown.stream().map(WebElement::getText).toList(), page.browser.getCurrentUrl());
                assertTrue(page.browser.findElements(By.cssSelector("link[href$='css/alpha01.css']")).size() == 1);
                assertEquals(List.of(), Axe.violations(page.browser), "the sign-in page");
                page.signIn(customer);
                wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "online"));
                String conv = (String) Db.query("select id::text from conversation where qr_code_id = ?",
                        UUID.fromString(qr.id())).get(0).get(0);

                page.say("我想找店员");
                client.await(Frame.Message.class, m -> m.conversationId().equals(conv));
                client.send(new Frame.Control(Frame.Action.TAKEOVER, conv));
                String by = client.await(Frame.State.class, s -> s.state().equals("HUMAN")).by();
                WebElement handoff = wait.until(d -> d.findElements(By.cssSelector("#log .notice")).stream()
                        .filter(e -> e.getText().contains("已为您转接人工客服")).findFirst().orElse(null));
                assertTrue(handoff.getText().contains(by), "the line names who answers: " + handoff.getText());
                client.send(new Frame.Reply("rating-page-001", conv, "您好，我来为您处理", Frame.Sender.STAFF));
                client.send(new Frame.Control(Frame.Action.CLOSE, conv));

                WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.rate")));
                assertEquals(List.of(), Axe.violations(page.browser), "the chat page with its rating card");
                assertTrue(page.browser.findElements(By.cssSelector("#log .notice")).stream()
                        .anyMatch(e -> e.getText().equals("本次会话已结束。")));
                page.screenshot("customer-rating-zh-CN.png");
                card.findElement(By.cssSelector("label[for=rate-4]")).click();
                card.findElement(By.id("rate-comment")).sendKeys("处理得很快");
                card.findElement(By.cssSelector("button[type=submit]")).click();

                WebElement thanks = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice.rated")));
                assertEquals("感谢您的评价！ ★★★★☆", thanks.getText());
                assertTrue(page.browser.findElements(By.cssSelector("form.rate")).isEmpty(), "the card gave way");
                Frame.Rated rated = client.await(Frame.Rated.class, r -> r.conversationId().equals(conv));
                assertEquals(List.of(4, "处理得很快"), List.of(rated.score(), rated.comment()));
                assertEquals(List.of(List.of(4, "处理得很快")), Db.query("select score::int, comment from "
                        + "conversation_rating where conversation_id = ?::uuid", conv));

                // Opened again: thanked, not asked again; and in English.
                page.browser.navigate().refresh();
                wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "online"));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice.rated")));
                assertTrue(page.browser.findElements(By.cssSelector("form.rate")).isEmpty(), "rated already: no card");
                page.browser.findElement(By.id("lang")).click();
                assertEquals("Thank you for your rating! ★★★★☆",
                        page.browser.findElement(By.cssSelector(".notice.rated")).getText());
                assertEquals(List.of(), Axe.hanOutsideUserData(page.browser), "the chat page in English");
                assertEquals(List.of(), Axe.violations(page.browser), "the chat page in English");
                page.screenshot("customer-rated-en.png");
            }
        }
    }

    @Test
    void the_customer_may_skip_the_rating() throws Exception {
        TestEnvironment.Account customer = TestEnvironment.newCustomer();
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-rating-skip-" + UUID.randomUUID(), "IT 跳过", "it");
            ServerApi.QrCode qr = api.createQr(reg.clientId(), "rating-skip");
            try (Peer client = Peer.connect(TestEnvironment.clientSocket(reg.clientId()), staff.get())) {
                client.await(Frame.Welcome.class);
                page.browser.get(qr.url());
                page.signIn(customer);
                page.wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "online"));
                String conv = (String) Db.query("select id::text from conversation where qr_code_id = ?",
                        UUID.fromString(qr.id())).get(0).get(0);
                page.say("谢谢");
                client.await(Frame.Message.class, m -> m.conversationId().equals(conv));
                client.send(new Frame.Reply("rating-skip-001", conv, "不客气", Frame.Sender.BOT));
                client.send(new Frame.Control(Frame.Action.CLOSE, conv));
                WebElement card = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.rate")));
                card.findElement(By.cssSelector("button.skip")).click();
                page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form.rate")));
                assertEquals(0, Db.count("select count(*) from conversation_rating where conversation_id = ?::uuid", conv));
                page.browser.navigate().refresh();
                page.wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "online"));
                // The state frame (after the replayed history) is what would offer the card.
                page.wait.until(ExpectedConditions.attributeToBe(By.id("answerer"), "data-i18n", "answerCLOSED"));
                assertTrue(page.browser.findElements(By.cssSelector("form.rate")).isEmpty(), "skipped in this tab: not asked again");
            }
        }
    }
}
