package com.alpha01.devstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A customer's phone for the integration tests and the start-up benchmark: Debian's headless Chromium
 * through its chromedriver (Selenium), with a fresh profile (empty cache, no cookies) removed on close.
 * Selenium is a {@code provided} dependency here: whoever drives the browser brings it.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Whether Chromium and its driver are installed (Debian's {@code chromium}, {@code chromium-driver}; .ci/run installs them). */
    public static boolean available() {
        return CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    }

    /** A phone-sized window in zh-CN, without background traffic of its own. */
    public static HeadlessChromium open() throws IOException {
        return open(List.of());
    }

    /**
     * The same, also accepting server certificates whose key is one of {@code trustedSpki} (base64 SHA-256 of
     * the SubjectPublicKeyInfo, {@link LocalCa#serverSpkiSha256()}): the dev stack's and the tests' own
     * certificate, exactly that key and nothing else; any other certificate error still stops the page.
     */
    public static HeadlessChromium open(List<String> trustedSpki) throws IOException {
        Path profile = Files.createTempDirectory("alpha01-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=420,820", "--lang=zh-CN", "--user-data-dir=" + profile);
        if (!trustedSpki.isEmpty()) {
            options.addArguments("--ignore-certificate-errors-spki-list=" + String.join(",", trustedSpki));
        }
        return new HeadlessChromium(new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build(), options), profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        Zips.deleteTree(profile);
    }
}
