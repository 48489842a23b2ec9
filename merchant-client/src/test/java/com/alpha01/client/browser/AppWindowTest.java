package com.alpha01.client.browser;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The app's page in one real window for the whole test class, talking to a {@link FakeDesktop};
 * screenshots go to {@link #screenshots}.
 */
@ExtendWith(JcefExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AppWindowTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    final FakeDesktop desktop = new FakeDesktop();
    final Path screenshots = Path.of(System.getProperty("alpha01.screenshots", "target/screenshots"));
    UiDriver ui;

    @BeforeAll
    void open(CefRuntime cef) throws Exception {
        ui = UiDriver.open(cef, desktop.bridge, WAIT);
    }

    @AfterAll
    void closeBridge() {
        desktop.bridge.close();
    }
}
