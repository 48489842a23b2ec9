package com.alpha01.it;

import com.alpha01.devstack.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The customer's phone for a test: Debian's headless Chromium (fresh profile, removed on close) with
 * the steps every customer takes — sign in on Keycloak's form, write a message — and screenshots.
 */
final class CustomerPage implements AutoCloseable {

    final ChromeDriver browser;
    final WebDriverWait wait;
    private final HeadlessChromium chromium;

    private CustomerPage(HeadlessChromium chromium) {
        this.chromium = chromium;
        this.browser = chromium.driver();
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** Whether Chromium and its driver are installed (.ci/run installs them). */
    static boolean available() {
        return HeadlessChromium.available();
    }

    static CustomerPage open() throws IOException {
        return new CustomerPage(HeadlessChromium.open(java.util.List.of(TestEnvironment.tls().serverSpkiSha256())));
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
        chromium.close();
    }
}
