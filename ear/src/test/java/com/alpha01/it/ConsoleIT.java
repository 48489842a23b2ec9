package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.Frame;
import com.alpha01.protocol.release.ReleaseSignature;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console (issue 17) in headless Chromium through the real Keycloak sign-in, for each admin kind:
 * what each sees (their stores only; another chain's store is "not found"), the figures with charts and CSV,
 * the live store state pushed while a customer writes, every screen free of WCAG 2.1 AA violations (axe-core)
 * and, in English, of Chinese outside the shops' own data; a screenshot of every screen in zh-CN and en.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {

    private CustomerPage page;
    private final List<String> problems = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void open_browser() throws Exception {
        Assumptions.assumeTrue(CustomerPage.available(), "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        page = CustomerPage.open();
        page.browser.manage().window().setSize(new Dimension(1360, 1000));
        // Lists are drawn anew after every change and push: an element read between two drawings is gone; the
        // waits look again.
        page.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @AfterEach
    void close_browser() throws Exception {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void a_chain_admin_runs_the_chains_stores_and_sees_them_live() throws Exception {
        signIn("demo-chain-admin", "Demo-chain-2026");
        Set<String> stores = storesShown();
        assertEquals(Set.of("demo-shop", "demo-shop-east"), stores, "the chain's stores, and only them");
        assertTrue(page.browser.findElement(By.cssSelector("[data-view=system]")).getAttribute("hidden") != null);

        // Live: a customer starts a conversation in demo-shop; its card's open conversations go up without a reload.
        long before = new WebDriverWait(page.browser, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> Long.parseLong(openCount("demo-shop").getText().replaceAll("\\D", "")));
        startConversation();
        // The cards are drawn anew with every push: an element read between two pushes may be gone.
        new WebDriverWait(page.browser, Duration.ofSeconds(60))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d ->
                Long.parseLong(openCount("demo-shop").getText().replaceAll("\\D", "")) > before);
        assertEquals("live", page.browser.findElement(By.id("live")).getAttribute("data-state"));

        screens("chain", List.of("#/stores", "#/analytics", "#/analytics/demo-shop-east", "#/qr/demo-shop-east",
                "#/staff/demo-shop-east"));
        manageQrCodes("demo-shop-east");
        manageStaff("demo-shop-east");
        // The chain's table of stores, its charts drawn, and any table as CSV.
        show("#/analytics");
        assertTrue(page.browser.findElements(By.cssSelector("#table-chain-stores tbody tr")).size() >= 2);
        assertEquals(4, page.browser.findElements(By.cssSelector(".chart canvas")).size(), "four charts drawn");
        String csv = (String) ((JavascriptExecutor) page.browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import('/console/js/csv.js').then(m => done(m.toCsv(document.getElementById('table-chain-stores'))));");
        List<String> lines = List.of(csv.split("\r?\n"));
        assertEquals("门店,会话,消息,首次响应 P50,AI 回复占比", lines.get(0), csv);
        assertEquals(3, lines.size(), "a header and the chain's two stores: " + csv);

        // Another chain's shop, named in the address: the server says it does not exist.
        show("#/analytics/no-such-store");
        assertEquals("加载失败：没有这家门店", page.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#view .error"))).getText());
        assertEquals(List.of(), problems);
    }

    @Test
    void a_store_manager_sees_their_one_store() throws Exception {
        signIn("demo-staff", TestEnvironment.STAFF_PASSWORD);
        assertEquals(Set.of("demo-shop"), storesShown());
        screens("merchant", List.of("#/stores", "#/analytics", "#/qr/demo-shop", "#/staff/demo-shop"));
        show("#/staff/demo-shop-east");
        assertEquals("加载失败：没有这家门店", page.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#view .error"))).getText(), "a sister store's staff are not theirs");
        show("#/analytics/demo-shop-east");
        assertEquals("加载失败：没有这家门店", page.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#view .error"))).getText(), "a sister store of the chain is not theirs");
        assertEquals(List.of(), problems);
    }

    @Test
    void a_platform_admin_sees_every_shop_and_the_system() throws Exception {
        signIn("demo-admin", "Demo-admin-2026");
        assertTrue(storesShown().containsAll(Set.of("demo-shop", "demo-shop-east")));
        screens("platform", List.of("#/stores", "#/analytics/demo-shop", "#/system"));
        show("#/system");
        assertTrue(page.browser.findElements(By.cssSelector("#table-health tbody tr")).size() >= 1);
        // A new store, made from the console through the provisioning API.
        String code = "it-console-" + UUID.randomUUID().toString().substring(0, 6);
        page.browser.findElement(By.id("new-code")).sendKeys(code);
        page.browser.findElement(By.id("new-name")).sendKeys("控制台新店");
        page.browser.findElement(By.cssSelector("#view form button[type=submit]")).click();
        page.wait.until(d -> d.findElement(By.id("feedback")).getText().equals("已创建 " + code + "。"));
        assertEquals(1, Db.count("select count(*) from merchant where code = ?", code));
        publishRelease();
        assertEquals(List.of(), problems);
    }

    /** The merchant client release for Windows, published from 系统 with what the release tool printed (D60). */
    private void publishRelease() throws Exception {
        String version = "9.8." + (System.currentTimeMillis() % 100_000);
        String sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        new Select(page.browser.findElement(By.id("release-target"))).selectByValue("windows-msi");
        Map<String, String> fields = Map.of("release-version", version, "release-minimumVersion", "0.1.0",
                "release-url", "https://dl.alpha01.example/alpha01-merchant-" + version + ".msi", "release-size", "4",
                "release-sha256", sha256, "release-rollout", "20", "release-notes", "更稳定的重连",
                "release-signature", ReleaseSignature.sign(ClientReleaseIT.testKey(), "windows-msi", version, sha256));
        fields.forEach((id, value) -> {
            WebElement input = page.browser.findElement(By.id(id));
            input.clear();
            input.sendKeys(value);
        });
        page.browser.findElement(By.cssSelector(".release-form button[type=submit]")).click();
        page.wait.until(d -> d.findElement(By.id("release-feedback")).getText().equals("已发布 windows-msi " + version));
        page.wait.until(d -> d.findElements(By.cssSelector("#table-releases tbody tr")).stream()
                .anyMatch(r -> r.getText().contains("windows-msi") && r.getText().contains(version)
                        && r.getText().contains("20%")));
        assertEquals(1, Db.count("select count(*) from client_release where target = 'windows-msi' and version = ?",
                version));
    }

    /** A code made for the store, shown and printable at once, listed, then revoked after confirmation. */
    private void manageQrCodes(String store) {
        show("#/qr/" + store);
        String label = "东门海报 " + UUID.randomUUID().toString().substring(0, 6);
        page.browser.findElement(By.id("qr-label")).sendKeys(label);
        page.browser.findElement(By.id("qr-scene")).sendKeys("door");
        page.browser.findElement(By.cssSelector("#view form button[type=submit]")).click();
        page.wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const img = document.querySelector('#qr-made img'); return img !== null && img.naturalWidth > 0;"));
        // The new code is listed as active; its revoke button asks first.
        page.wait.until(d -> {
            WebElement row = d.findElements(By.cssSelector("#table-qr-codes-of-store tbody tr")).stream()
                    .filter(r -> r.getText().contains(label) && r.getText().contains("有效")).findFirst().orElse(null);
            if (row == null) {
                return false;
            }
            row.findElement(By.cssSelector("button[data-qr-id]")).click();
            return true;
        });
        page.wait.until(ExpectedConditions.alertIsPresent()).accept();
        page.wait.until(d -> d.findElements(By.cssSelector("#table-qr-codes-of-store tbody tr")).stream()
                .anyMatch(r -> r.getText().contains(label) && r.getText().contains("已作废")));
    }

    /** A staff account added, disabled (signed out), enabled again, and given a temporary password. */
    private void manageStaff(String store) {
        show("#/staff/" + store);
        String username = "it-console-" + UUID.randomUUID().toString().substring(0, 6);
        page.browser.findElement(By.id("staff-username")).sendKeys(username);
        page.browser.findElement(By.id("staff-email")).sendKeys(username + "@example.com");
        page.browser.findElement(By.id("staff-password")).sendKeys("Console-staff-2026");
        page.browser.findElement(By.cssSelector("#view form button[type=submit]")).click();
        java.util.function.Function<org.openqa.selenium.WebDriver, WebElement> rowOf = d -> d.findElements(
                By.cssSelector("#table-staff-of-store tbody tr")).stream().filter(r -> r.getText().contains(username))
                .findFirst().orElse(null);
        clickIn(rowOf, "已启用", "disable");
        clickIn(rowOf, "已停用", "enable");
        clickIn(rowOf, "已启用", "reset");
        page.wait.until(d -> d.findElement(By.id("feedback")).getText().startsWith(username + " 的临时密码："));
    }

    /** Once the row reads {@code state}, clicks its staff action (looked up afresh if the list was redrawn). */
    private void clickIn(java.util.function.Function<org.openqa.selenium.WebDriver, WebElement> rowOf, String state,
                         String action) {
        page.wait.until(d -> {
            WebElement row = rowOf.apply(d);
            if (row == null || !row.getText().contains(state)) {
                return false;
            }
            row.findElement(By.cssSelector("[data-staff-action=" + action + "]")).click();
            return true;
        });
    }

    private void signIn(String username, String password) throws Exception {
        page.browser.get(TestEnvironment.serverUri() + "/console/");
        try {
            page.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(username);
        } catch (org.openqa.selenium.TimeoutException e) {
            page.screenshot("console-sign-in-failed.png");
            throw new AssertionError("no sign-in form at " + page.browser.getCurrentUrl() + ": "
                    + page.browser.findElement(By.tagName("body")).getText(), e);
        }
        if (page.browser.findElements(By.id("password")).isEmpty()) {
            page.browser.findElement(By.id("kc-login")).click();
        }
        page.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password"))).sendKeys(password);
        page.browser.findElement(By.id("kc-login")).click();
        page.wait.until(d -> !d.findElements(By.id("who-name")).isEmpty()
                && !d.findElement(By.id("who-name")).getText().isBlank());
        page.wait.until(d -> !d.findElements(By.cssSelector("#view .store")).isEmpty());
    }

    /** The stores whose cards show, read in one script (a live push may draw the cards anew between two reads). */
    @SuppressWarnings("unchecked")
    private Set<String> storesShown() {
        return Set.copyOf((List<String>) ((JavascriptExecutor) page.browser).executeScript(
                "return [...document.querySelectorAll('#view .store')].map((e) => e.dataset.store);"));
    }

    private WebElement openCount(String store) {
        return page.browser.findElement(By.cssSelector("#view .store[data-store='" + store + "'] dd"));
    }

    /** Moves to a screen and waits until it has drawn what it loaded. */
    /**
     * Goes to a screen and waits until it is drawn: what the screen before left in the view is marked first, so
     * that it is not taken for the new screen (which replaces it).
     */
    private void show(String hash) {
        ((JavascriptExecutor) page.browser).executeScript("if (location.hash !== arguments[0]) {"
                + "  for (const c of document.getElementById('view').children) c.dataset.stale = '1';"
                + "  location.hash = arguments[0];"
                + "}", hash);
        page.wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const view = document.getElementById('view');"
                + "return !view.querySelector('[data-stale]') && !view.querySelector(':scope > .empty')"
                + "  && view.querySelector('.kpis, .cards, .table-card, .error') !== null;"));
    }

    /** Each screen in zh-CN then en: a screenshot, axe-core's verdict, and (en) no Chinese outside the shops' data. */
    private void screens(String kind, List<String> hashes) throws Exception {
        for (String lang : List.of("zh-CN", "en")) {
            if (!lang.equals(page.browser.findElement(By.tagName("html")).getAttribute("lang"))) {
                page.browser.findElement(By.id("lang")).click();
            }
            for (String hash : hashes) {
                show(hash);
                String name = hash.replace("#/", "").replace('/', '-');
                page.screenshot("console-" + kind + "-" + name + "-" + lang + ".png");
                if (lang.equals("zh-CN")) {
                    Axe.violations(page.browser).forEach(v -> problems.add(hash + " axe " + v));
                } else {
                    Axe.hanOutsideUserData(page.browser).forEach(v -> problems.add(hash + " Chinese in English: " + v));
                }
            }
        }
        if (!"zh-CN".equals(page.browser.findElement(By.tagName("html")).getAttribute("lang"))) {
            page.browser.findElement(By.id("lang")).click();
        }
    }

    /** A customer of demo-shop starts a conversation (a client of the shop answers it). */
    private void startConversation() throws Exception {
        try (KeycloakSession staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray())) {
            ServerApi api = new ServerApi(TestEnvironment.serverUri(), staff);
            ServerApi.Registration reg = api.register("it-console-" + UUID.randomUUID(), "IT 控制台", "it");
            ServerApi.QrCode qr = api.createQr(reg.clientId(), "console");
            try (AnsweringClient client = AnsweringClient.online(reg.clientId(), staff, m -> { })) {
                JsonObject session = Customers.enter(qr.url());
                try (Peer customer = Peer.connect(Customers.customerSocket(session.getString("ticket")), null)) {
                    customer.await(Frame.Welcome.class);
                    Customers.say(customer, "你好");
                }
            }
        }
    }
}
