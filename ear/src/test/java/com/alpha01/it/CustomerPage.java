package com.alpha01.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The customer's phone for a test: Debian's headless Chromium (fresh profile, removed on close) with
 * the steps every customer takes — sign in on Keycloak's form, write a message — and screenshots.
 */
final class CustomerPage implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    final ChromeDriver browser;
    final WebDriverWait wait;
    private final Path profile;

    private CustomerPage(ChromeDriver browser, Path profile) {
        this.browser = browser;
        this.profile = profile;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** Whether Chromium and its driver are installed (.ci/run installs them). */
    static boolean available() {
        return CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    }

    static CustomerPage open() throws IOException {
        Path profile = Files.createTempDirectory("alpha01-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=420,820", "--lang=zh-CN", "--user-data-dir=" + profile);
        return new CustomerPage(new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build(), options), profile);
    }

    /** Keycloak's login form; with organizations on it comes as two pages (username, then password). */
    void signIn(TestEnvironment.Account account) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(account.username());
        if (browser.findElements(By.id("password")).isEmpty()) {
            browser.findElement(By.id("kc-login")).click();
        }
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password"))).sendKeys(account.password());
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("composer")));
    }

    void say(String text) {
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("text")));
        box.sendKeys(text);
        browser.findElement(By.id("send")).click();
    }

    void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("alpha01.screenshots", "target/screenshots")));
        Files.write(dir.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        try (var paths = Files.walk(profile)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
