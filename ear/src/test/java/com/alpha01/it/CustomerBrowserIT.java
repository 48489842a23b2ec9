package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.Frame;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The customer's side in a real browser (Debian's headless Chromium): open the QR code's URL, sign
 * in on Keycloak's login page, land on the chat page, write 你好 and see the shop's answer, which
 * the merchant client's own link code produced. Customer text is shown as text, never as markup.
 * Typing indicators work both ways on the page; a streamed answer grows in one bubble that the
 * answer itself replaces.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CustomerBrowserIT {

    private CustomerPage page;
    private ChromeDriver browser;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void open_browser() throws Exception {
        Assumptions.assumeTrue(CustomerPage.available(),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        page = CustomerPage.open();
        browser = page.browser;
    }

    @AfterEach
    void close_browser() throws java.io.IOException {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void customer_scans_signs_in_and_chats_in_the_browser() throws Exception {
        TestEnvironment.Account customer = TestEnvironment.newCustomer();
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-browser-" + UUID.randomUUID(), "IT 吧台", "it");
            ServerApi.QrCode qr = api.createQr(reg.clientId(), "bar");
            try (AnsweringClient client = AnsweringClient.online(reg.clientId(), staff, m -> { })) {

                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                browser.get(qr.url());
                signIn(wait, customer);
                wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "online"));
                assertTrue(browser.getCurrentUrl().startsWith(TestEnvironment.serverUri() + "/chat/"),
                        browser.getCurrentUrl());

                say(wait, "你好");
                WebElement answer = wait.until(d -> d.findElements(By.cssSelector(".msg.merchant")).stream()
                        .filter(e -> e.getText().contains("欢迎光临")).findFirst().orElse(null));
                assertTrue(answer.isDisplayed());

                String markup = "<img src=x onerror=alert(1)><b>粗体</b>";
                say(wait, markup);
                WebElement mine = wait.until(d -> d.findElements(By.cssSelector(".msg.customer")).stream()
                        .filter(e -> e.getText().contains("<b>粗体</b>")).findFirst().orElse(null));
                assertTrue(mine.findElements(By.cssSelector("img, b")).isEmpty(), "customer text is not markup");
                saveScreenshot("customer-chat-zh-CN.png");

                // This customer's conversation is the one this test's QR code opened (the client may
                // also receive other tests' conversations of the shop by failover).
                String conv = (String) Db.query("select id::text from conversation where qr_code_id = ?",
                        UUID.fromString(qr.id())).get(0).get(0);
                Waits.until("both questions and their answers stored", () -> Db.count(
                        "select count(*) from chat_message where conversation_id = ?::uuid", conv) == 4);
                List<List<Object>> first = Db.query("select sender, body from chat_message "
                        + "where conversation_id = ?::uuid and seq = 1", conv);
                assertEquals(List.of(List.of("CUSTOMER", "你好")), first);

                // Read receipts both ways: the page on screen reports the answers read; staff reading
                // the questions shows 已读 under them on the page.
                Waits.until("the page reported the answers read", () -> Db.count("select count(*) from chat_message "
                        + "where conversation_id = ?::uuid and sender = 'BOT' and read_at is not null", conv) == 2);
                client.link().read(conv, 3);
                wait.until(d -> d.findElements(By.cssSelector(".msg.customer[data-receipt]")).size() == 2);
                assertEquals(2, Db.count("select count(*) from chat_message where conversation_id = ?::uuid "
                        + "and sender = 'CUSTOMER' and read_at is not null", conv));
            }
        }
    }

    @Test
    void the_page_tells_the_shop_when_the_customer_types_and_shows_when_the_shop_types() throws Exception {
        TestEnvironment.Account customer = TestEnvironment.newCustomer();
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-browser-typing-" + UUID.randomUUID(), "IT 输入", "it");
            ServerApi.QrCode qr = api.createQr(reg.clientId(), "typing");
            try (Peer client = Peer.connect(TestEnvironment.clientSocket(reg.clientId()), staff.get())) {
                client.await(Frame.Welcome.class);
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                browser.get(qr.url());
                signIn(wait, customer);
                wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "online"));
                String conv = (String) Db.query("select id::text from conversation where qr_code_id = ?",
                        UUID.fromString(qr.id())).get(0).get(0);

                // The customer composes, then empties the box: the shop hears "typing", then "stopped".
                WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("text")));
                box.sendKeys("有");
                assertTrue(client.await(Frame.Typing.class, t -> t.conversationId().equals(conv)).typing());
                box.sendKeys(Keys.BACK_SPACE);
                assertFalse(client.await(Frame.Typing.class, t -> t.conversationId().equals(conv)).typing());

                // The shop types: shown until it stops, until its answer arrives, or for 6 s at most.
                // (Staff keep saying "typing" while they type, as the app does: the server passes one a second.)
                WebElement typing = browser.findElement(By.id("typing"));
                shopTypes(wait, client, conv, typing);
                assertEquals("商家正在输入…", typing.getText());
                client.send(new Frame.Typing(conv, false));
                wait.until(ExpectedConditions.invisibilityOf(typing));

                shopTypes(wait, client, conv, typing);
                client.send(new Frame.Reply("typing-answer-01", conv, "马上来", Frame.Sender.STAFF));
                wait.until(d -> d.findElements(By.cssSelector(".msg.merchant")).stream()
                        .anyMatch(e -> e.getText().contains("马上来")));
                wait.until(ExpectedConditions.invisibilityOf(typing));

                shopTypes(wait, client, conv, typing);
                long shown = System.nanoTime();
                wait.until(ExpectedConditions.invisibilityOf(typing));
                assertTrue(Duration.ofNanos(System.nanoTime() - shown).toMillis() > 4000,
                        "hidden by the 6 s timeout, not by anything else");
            }
        }
    }

    @Test
    void a_streamed_answer_grows_in_one_bubble_and_the_answer_takes_its_place() throws Exception {
        TestEnvironment.Account customer = TestEnvironment.newCustomer();
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-browser-draft-" + UUID.randomUUID(), "IT 草稿", "it");
            ServerApi.QrCode qr = api.createQr(reg.clientId(), "draft");
            try (Peer client = Peer.connect(TestEnvironment.clientSocket(reg.clientId()), staff.get())) {
                client.await(Frame.Welcome.class);
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                browser.get(qr.url());
                signIn(wait, customer);
                wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "online"));
                String conv = (String) Db.query("select id::text from conversation where qr_code_id = ?",
                        UUID.fromString(qr.id())).get(0).get(0);
                say(wait, "今天有什么推荐");
                long question = client.await(Frame.Message.class, m -> m.conversationId().equals(conv)).seq();

                // The assistant's answer grows: one bubble marked as being written, its text replaced each time.
                List<String> growing = List.of("推荐", "推荐您试试燕麦拿铁", "推荐您试试燕麦拿铁，<b>今日</b>八折");
                for (String text : growing) {
                    client.send(new Frame.Draft(conv, question, text));
                    wait.until(d -> d.findElements(By.cssSelector(".msg.drafting")).size() == 1
                            && d.findElement(By.cssSelector(".msg.drafting .text")).getText().equals(text));
                }
                WebElement draft = browser.findElement(By.cssSelector(".msg.drafting"));
                assertEquals("正在回复…", draft.findElement(By.cssSelector(".who")).getText());
                assertTrue(draft.findElements(By.cssSelector("b")).isEmpty(), "draft text is not markup");
                assertEquals(1, browser.findElements(By.cssSelector(".msg.merchant")).size());
                saveScreenshot("customer-draft-zh-CN.png");

                // The answer itself takes its place: one bubble with the final text, none being written.
                String answer = "推荐您试试燕麦拿铁，<b>今日</b>八折，欢迎品尝。";
                client.send(new Frame.Reply("draft-answer-01", conv, answer, Frame.Sender.BOT, question));
                wait.until(d -> d.findElements(By.cssSelector(".msg.drafting")).isEmpty());
                List<WebElement> answers = browser.findElements(By.cssSelector(".msg.merchant"));
                assertEquals(1, answers.size(), "the draft is replaced, not followed");
                assertEquals(answer, answers.get(0).findElement(By.cssSelector(".text")).getText());
                assertEquals(String.valueOf(question), answers.get(0).getAttribute("data-in-reply-to"));

                // A draft for the question already answered is stale and ignored; the next question's
                // draft shows, and without a newer draft or its answer it goes after 30 s.
                client.send(new Frame.Draft(conv, question, "迟到的草稿"));
                say(wait, "有燕麦奶吗");
                long next = client.await(Frame.Message.class, m -> m.conversationId().equals(conv)
                        && m.seq() > question).seq();
                client.send(new Frame.Draft(conv, next, "有的"));
                WebElement nextDraft = wait.until(d -> d.findElements(By.cssSelector(".msg.drafting")).stream()
                        .filter(e -> e.getText().contains("有的")).findFirst().orElse(null));
                long shown = System.nanoTime();
                assertEquals(1, browser.findElements(By.cssSelector(".msg.drafting")).size(), "no stale draft");
                assertEquals(String.valueOf(next), nextDraft.getAttribute("data-draft"));
                new WebDriverWait(browser, Duration.ofSeconds(45))
                        .until(d -> d.findElements(By.cssSelector(".msg.drafting")).isEmpty());
                assertTrue(Duration.ofNanos(System.nanoTime() - shown).toMillis() > 25_000,
                        "removed by the 30 s timeout, not by anything else");
                assertEquals(1, browser.findElements(By.cssSelector(".msg.merchant")).size());
                assertEquals(3, Db.count("select count(*) from chat_message where conversation_id = ?::uuid", conv),
                        "two questions and one answer: drafts are not stored");
            }
        }
    }

    @Test
    void a_new_customer_registers_with_a_phone_number_verifies_the_email_and_chats() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            TestEnvironment.useSmtp("127.0.0.1", smtp.getSmtp().getPort());
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-register-" + UUID.randomUUID(), "IT 注册", "it");
            ServerApi.QrCode qr = api.createQr(reg.clientId(), "register");
            try (AnsweringClient client = AnsweringClient.online(reg.clientId(), staff, m -> { })) {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                browser.get(qr.url());
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#kc-registration a, a[href*='registration']"))).click();

                // The phone number is the user name; the phone attribute is validated by the realm's user profile.
                String phone = "138" + (10_000_000 + new java.util.Random().nextInt(89_999_999));
                String email = "it-reg-" + phone + "@mail.example";
                fill(wait, "username", phone);
                fill(wait, "email", email);
                fill(wait, "firstName", "测试");
                fill(wait, "lastName", "新顾客");
                fill(wait, "password", "It-Register-2026");
                fill(wait, "password-confirm", "It-Register-2026");
                fill(wait, "phone", "not-a-phone");
                browser.findElement(By.cssSelector("[type=submit]")).click();
                wait.until(d -> d.getPageSource().contains("手机号格式不正确"));
                fill(wait, "password", "It-Register-2026");
                fill(wait, "password-confirm", "It-Register-2026");
                fill(wait, "phone", "+86" + phone);
                browser.findElement(By.cssSelector("[type=submit]")).click();

                // Keycloak asks to verify the address and mails a link: the real mail, from a real SMTP server.
                assertTrue(smtp.waitForIncomingEmail(30_000, 1), "the verification mail arrives");
                MimeMessage mail = smtp.getReceivedMessages()[0];
                assertEquals(email, mail.getAllRecipients()[0].toString());
                java.util.regex.Matcher link = java.util.regex.Pattern
                        .compile("https?://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+").matcher(text(mail));
                assertTrue(link.find(), "a verification link in the mail");
                browser.get(link.group().replace("&amp;", "&"));
                try {
                    wait.until(d -> !d.findElements(By.id("composer")).isEmpty()
                            || !d.findElements(By.cssSelector("a[href*='login-actions']")).isEmpty());
                } catch (org.openqa.selenium.TimeoutException e) {
                    saveScreenshot("customer-register-failed.png");
                    throw new AssertionError("after the verification link: " + browser.getCurrentUrl() + " shows "
                            + browser.findElement(By.tagName("body")).getText(), e);
                }
                if (browser.findElements(By.id("composer")).isEmpty()) {
                    browser.findElement(By.cssSelector("a[href*='login-actions']")).click(); // "click here to proceed"
                }
                wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "online"));
                say(wait, "你好");
                wait.until(d -> d.findElements(By.cssSelector(".msg.merchant")).stream()
                        .anyMatch(e -> e.getText().contains("欢迎光临")));
                assertTrue(TestEnvironment.userExists(phone), "the account exists under the phone number");
                assertEquals(1, Db.count("select count(*) from conversation where qr_code_id = ?",
                        UUID.fromString(qr.id())));
            }
        } finally {
            smtp.stop();
        }
    }

    /** The shop says "typing" every half second (the wait's polling) until the page shows it. */
    private static void shopTypes(WebDriverWait wait, Peer client, String conv, WebElement typing) {
        wait.until(d -> {
            client.send(new Frame.Typing(conv, true));
            return typing.isDisplayed();
        });
    }

    private void fill(WebDriverWait wait, String id, String value) {
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(value);
    }

    private static String text(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return (String) part.getContent();
        }
        StringBuilder all = new StringBuilder();
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i))).append('\n');
            }
        }
        return all.toString();
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void signIn(WebDriverWait wait, TestEnvironment.Account account) {
        page.signIn(account);
    }

    private void say(WebDriverWait wait, String text) {
        page.say(text);
    }

    private void saveScreenshot(String name) throws Exception {
        page.screenshot(name);
    }
}
