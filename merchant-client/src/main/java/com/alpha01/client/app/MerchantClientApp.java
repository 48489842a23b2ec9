package com.alpha01.client.app;

import com.alpha01.client.browser.BrowserSetup;
import com.alpha01.client.browser.CefRuntime;
import com.alpha01.client.browser.DesktopWindow;
import com.alpha01.client.browser.FirstStartWindow;
import com.alpha01.client.settings.AppSettings;
import com.alpha01.client.settings.ClientSettings;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreKey;
import com.alpha01.client.update.AppImageInstall;
import com.alpha01.client.update.AppUpdates;
import com.alpha01.client.update.Updater;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Starts the merchant desktop app: one instance per user, the encrypted store, the app, and its
 * window in embedded Chromium. The window shows cached conversations at once; sign-in and the
 * server link follow in the background. Closing the window (or SIGTERM) stops the link, keeps the
 * cache, and shuts CEF down in its safe order.
 */
public final class MerchantClientApp {

    static {
        // Apache POI (document import) brings log4j-api without a Log4j backend; JBoss Logging would pick it
        // and drop every INFO line. Before the first logger: java.util.logging, as everywhere else here.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "jdk");
        }
    }

    private static final Logger LOG = Logger.getLogger(MerchantClientApp.class);
    private static final String TITLE = "阿尔法01 · 商家端";

    private MerchantClientApp() {
    }

    /** A message box before the window exists (and the log line for headless starts). */
    private static void tellUser(String message) {
        if (!java.awt.GraphicsEnvironment.isHeadless()) {
            try {
                java.awt.EventQueue.invokeAndWait(() -> javax.swing.JOptionPane.showMessageDialog(null, message, TITLE,
                        javax.swing.JOptionPane.ERROR_MESSAGE));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.lang.reflect.InvocationTargetException e) {
                LOG.warnf("No message box: %s", e.getCause());
            }
        }
    }

    /**
     * Logs when the window first painted, counted from the JVM's start (as a user waits after a double
     * click): the page's own first-contentful-paint (the start-up benchmark reads this line). Called after the
     * first page load; does not block.
     */
    private static void logFirstPaint(DesktopWindow window) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long loaded = System.currentTimeMillis() - jvmStart;
        window.evaluate(FIRST_PAINT_SCRIPT).orTimeout(10, TimeUnit.SECONDS)
                .whenComplete((painted, error) -> {
                    if (error != null || painted == null) {
                        LOG.infof("Page loaded %d ms after the JVM started (paint time unknown)", loaded);
                        return;
                    }
                    String[] epochAndKind = painted.split(" ", 2);
                    LOG.infof("First paint %d ms after the JVM started (%s; page loaded after %d ms)",
                            Long.parseLong(epochAndKind[0]) - jvmStart, epochAndKind[1], loaded);
                });
    }

    /**
     * The page's first (contentful) paint as wall-clock milliseconds and its kind; see {@link #logFirstPaint}.
     * Where Chromium reports no paint timing within 3 s (it may not, without a GPU), the second frame's time.
     */
    private static final String FIRST_PAINT_SCRIPT = """
            const frame = await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))));
            const first = () => {
              const paints = performance.getEntriesByType('paint');
              return paints.find(e => e.name === 'first-contentful-paint') || paints.find(e => e.name === 'first-paint');
            };
            const paint = first() || await new Promise(resolve => {
              const observer = new PerformanceObserver(() => { if (first()) { observer.disconnect(); resolve(first()); } });
              observer.observe({ type: 'paint', buffered: true });
              setTimeout(() => { observer.disconnect(); resolve(first()); }, 3000);
            });
            return Math.round(performance.timeOrigin + (paint ? paint.startTime : frame)) + ' '
                + (paint ? paint.name : 'second frame');
            """;

    /**
     * {@code --self-test}: this version starts, opens the local data and says so, without a window (the update
     * tests start versions this way): the first start leaves a line in the store, later ones print it back.
     */
    private static void selfTest(ClientSettings boot, EncryptedStore store) throws IOException {
        String kept = store.getString("self-test").orElse("");
        if (kept.isEmpty()) {
            store.putString("self-test", "written by " + ClientSettings.VERSION);
        }
        cameUp();
        System.out.println("alpha01 " + ClientSettings.VERSION + " self-test ok: "
                + (kept.isEmpty() ? "first start" : kept));
        // Then what the app does every day: ask the server, fetch and stage an offered update (here, waiting for it).
        AppSettings settings = new AppSettings(store, boot);
        Updater updater = AppUpdates.create(boot.home(), () -> settings.serverUrls().get(0), ClientSettings.VERSION,
                boot.deviceId(), state -> { }, Runnable::run);
        updater.check();
        JsonObject u = updater.state();
        System.out.println("alpha01 update " + u.getString("stage") + " latest=" + u.getString("latest")
                + " failure=" + u.getString("failure") + " rolledBack=" + u.getString("rolledBack"));
    }

    /**
     * The first start on a system whose package does not carry the browser (Windows, macOS): fetched with a small
     * window showing progress, and on failure why, with 重试 / 退出 (D61). Headless: one attempt, logged.
     */
    private static boolean firstStart(ClientSettings boot, EncryptedStore store, Path cefDir) throws IOException {
        List<String> mirrors = BrowserSetup.mirrors(boot.get("cef.mirrors").orElse(""));
        if (java.awt.GraphicsEnvironment.isHeadless()) {
            return BrowserSetup.ensure(cefDir, mirrors, new BrowserSetup.Presenter() {
                @Override
                public void progress(String stage, float percent) {
                    LOG.infof("Browser setup: %s %.0f%%", stage, percent);
                }

                @Override
                public boolean retry(BrowserSetup.Failure failure, String detail) {
                    return false;
                }
            });
        }
        String language = new AppSettings(store, boot).language();
        try (FirstStartWindow window = FirstStartWindow.open(language)) {
            return BrowserSetup.ensure(cefDir, mirrors, window);
        }
    }

    /** Tells a self-updating install's launcher that this version came up, and refreshes the launcher (D60). */
    private static void cameUp() {
        AppImageInstall.running().ifPresent(install -> {
            try (InputStream launcher = AppImageInstall.class.getResourceAsStream("alpha01-merchant")) {
                install.started();
                install.refreshLauncher(launcher.readAllBytes());
            } catch (IOException | RuntimeException e) {
                LOG.warnf("The launcher was not told this version came up: %s", e.getMessage());
            }
        });
    }

    public static void main(String[] args) throws Exception {
        ClientSettings boot = ClientSettings.load();
        AtomicReference<DesktopWindow> shown = new AtomicReference<>();
        Optional<SingleInstance> instance = SingleInstance.acquire(boot.home(), () -> {
            DesktopWindow w = shown.get();
            if (w != null) {
                w.toFront();
            }
        });
        if (instance.isEmpty()) {
            LOG.info("阿尔法01 is already running for this user; it was asked to come to the front");
            Runtime.getRuntime().exit(3);
            return;
        }
        Path storeDir = boot.home().resolve("store");
        EncryptedStore store;
        try {
            StoreKey key = StoreKey.forStore(storeDir, System.getenv());
            store = EncryptedStore.open(storeDir, key);
            LOG.infof("Local store opened (key: %s)", key.kind());
        } catch (IOException e) {
            // Wrong passphrase, keyring locked or gone, a damaged folder: say so and stop, touching nothing.
            LOG.errorf("The local store %s cannot be opened: %s", storeDir, e.getMessage());
            tellUser("阿尔法01 无法打开本地数据（" + storeDir + "）：" + e.getMessage()
                    + "\n\nThe local data cannot be opened. Unlock the desktop keyring or set the right ALPHA01_STORE_PASSPHRASE.");
            instance.get().close();
            Runtime.getRuntime().exit(2);
            return;
        }
        if (List.of(args).contains("--self-test")) {
            selfTest(boot, store);
            instance.get().close();
            Runtime.getRuntime().exit(0);
            return;
        }
        // CEF first: while it initialises it may write the process environment (DBUS_SESSION_BUS_ADDRESS where no
        // session bus is set), and the app's constructor starts native libraries on other threads (the knowledge
        // base's ONNX runtime) that read it; glibc's environment is not safe for that overlap (see CefRuntime).
        Path cefDir = boot.home().resolve("jcef-bundle");
        if (!BrowserSetup.ready(cefDir) && !firstStart(boot, store, cefDir)) {
            LOG.error("The embedded browser is not installed; the app ends (it is fetched again at the next start)");
            instance.get().close();
            Runtime.getRuntime().exit(5);
            return;
        }
        CefRuntime cef = CefRuntime.start(cefDir);
        MerchantApp app;
        try {
            app = new MerchantApp(boot, store);
        } catch (IOException | RuntimeException e) {
            cef.close();
            throw e;
        }
        DesktopWindow window = cef.open(TITLE, app.bridge());
        shown.set(window);
        app.attach(window, cef.chromiumVersion());

        CountDownLatch closed = new CountDownLatch(1);
        Runnable shutdown = () -> {
            app.close();
            cef.close();
            instance.get().close();
            closed.countDown();
        };
        window.onUserClose(() -> {
            shutdown.run();
            Runtime.getRuntime().exit(0);
        });
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "alpha01-shutdown"));
        app.start();
        if (window.awaitLoaded(1, Duration.ofSeconds(60))) {
            logFirstPaint(window);
        }
        cameUp();
        closed.await();
    }
}
