package com.alpha01.client.browser;

import com.alpha01.client.bridge.Bridge;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.JFrame;
import javax.swing.WindowConstants;
import me.friwi.jcefmaven.CefAppBuilder;
import me.friwi.jcefmaven.CefInitializationException;
import me.friwi.jcefmaven.UnsupportedPlatformException;
import org.cef.CefApp;
import org.cef.CefClient;
import org.cef.CefSettings;
import org.cef.browser.CefBrowser;
import org.cef.browser.CefMessageRouter;
import org.jboss.logging.Logger;

/**
 * The application window: a {@link JFrame} holding embedded Chromium that shows the glass UI at
 * {@value UiResources#START_URL}, connected to a {@link Bridge}. CEF starts once per JVM, so open
 * one window per process.
 */
public final class DesktopWindow {

    private static final Logger LOG = Logger.getLogger(DesktopWindow.class);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(15);

    private final CefApp cefApp;
    private final AppHandler appHandler;
    private final CefMessageRouter router;
    private final CefBrowser browser;
    private final Bridge bridge;
    private final ScriptEvaluator evaluator;
    private final PageLoads loads;
    private final JFrame frame;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Runnable onUserClose = () -> {
        close();
        Runtime.getRuntime().exit(0);
    };

    private DesktopWindow(CefApp cefApp, AppHandler appHandler, String title, Bridge bridge) throws InterruptedException {
        this.cefApp = cefApp;
        this.appHandler = appHandler;
        this.bridge = bridge;
        CefClient client = cefApp.createClient();
        this.evaluator = new ScriptEvaluator();
        this.loads = new PageLoads(bridge);
        this.router = CefMessageRouter.create();
        router.addHandler(evaluator, true);
        router.addHandler(new BridgeRouterHandler(bridge), false);
        client.addMessageRouter(router);
        client.addLoadHandler(loads);
        client.addDisplayHandler(new ConsoleLog());
        this.browser = client.createBrowser(UiResources.START_URL, false, false);
        bridge.attach(js -> browser.executeJavaScript(js, UiResources.START_URL, 1));
        this.frame = onEventThread(() -> createFrame(title));
    }

    /**
     * Starts CEF (installing its natives into {@code installDir} on first use), then opens the window.
     *
     * @throws IllegalStateException if CEF cannot start (no display, unsupported platform, …)
     */
    public static DesktopWindow open(Path installDir, String title, Bridge bridge) {
        AppHandler appHandler = new AppHandler(new UiResources(DesktopWindow.class.getClassLoader()));
        CefAppBuilder builder = new CefAppBuilder();
        builder.setInstallDir(installDir.toFile());
        builder.setProgressHandler((state, percent) -> LOG.debugf("CEF %s %.0f%%", state, percent));
        builder.addJcefArgs("--disable-gpu", "--disable-dev-shm-usage");
        if ("root".equals(System.getProperty("user.name"))) {
            // Chromium refuses to start as root with its sandbox on (containers, CI under Xvfb).
            builder.addJcefArgs("--no-sandbox");
        }
        CefSettings settings = builder.getCefSettings();
        settings.windowless_rendering_enabled = false;
        Path cache = installDir.toAbsolutePath().resolveSibling(installDir.getFileName() + "-cache");
        settings.root_cache_path = cache.toString();
        settings.cache_path = cache.resolve("default").toString();
        settings.log_file = cache.resolve("cef.log").toString();
        settings.log_severity = CefSettings.LogSeverity.LOGSEVERITY_WARNING;
        settings.locale = "zh-CN";
        builder.setAppHandler(appHandler);
        try {
            CefApp app = builder.build();
            LOG.infof("CEF %s started", app.getVersion());
            return new DesktopWindow(app, appHandler, title, bridge);
        } catch (IOException | UnsupportedPlatformException | CefInitializationException e) {
            throw new IllegalStateException("Could not start the embedded browser: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the embedded browser", e);
        }
    }

    /** What happens when the user closes the window; by default {@link #close()} and exit the JVM. */
    public void onUserClose(Runnable action) {
        this.onUserClose = action;
    }

    /** Waits until the page has finished loading {@code count} times (1 = the first load). */
    public boolean awaitLoaded(int count, Duration timeout) throws InterruptedException {
        return loads.await(count, timeout);
    }

    /** Runs {@code functionBody} as the body of an async function in the page; see {@link ScriptEvaluator}. */
    public CompletableFuture<String> evaluate(String functionBody) {
        return evaluator.evaluate(browser, functionBody);
    }

    /** Reloads the page (the bridge queues events until the page asks for its snapshot again). */
    public void reload() {
        browser.reloadIgnoreCache();
    }

    /**
     * Captures the browser area as it is on screen, once the last DOM change is painted (see
     * {@link ScreenCapture}). Needs a real or virtual X display; call it off the AWT event thread.
     */
    public BufferedImage screenshot(Duration timeout) throws InterruptedException, TimeoutException {
        return new ScreenCapture(evaluator, browser).capture(() -> {
            try {
                return onEventThread(() -> {
                    Component view = browser.getUIComponent();
                    return new Rectangle(view.getLocationOnScreen(), view.getSize());
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }, timeout);
    }

    /**
     * Shuts CEF down and disposes the window, in the only order that does not hang: allow the
     * browser to close, dispose CEF, wait for it to terminate, then dispose the frame. Idempotent.
     * Blocks; when called on the AWT event thread it continues on a thread of its own.
     */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (EventQueue.isDispatchThread()) {
            new Thread(this::shutDown, "alpha01-cef-shutdown").start();
        } else {
            shutDown();
        }
    }

    private void shutDown() {
        LOG.info("Closing the window");
        bridge.detach();
        evaluator.cancelAll();
        browser.setCloseAllowed();
        cefApp.dispose();
        try {
            if (!appHandler.awaitTerminated(SHUTDOWN_TIMEOUT)) {
                LOG.warnf("CEF did not terminate within %s", SHUTDOWN_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        EventQueue.invokeLater(frame::dispose);
    }

    private JFrame createFrame(String title) {
        JFrame f = new JFrame(title);
        f.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        f.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                new Thread(onUserClose, "alpha01-user-close").start();
            }
        });
        f.getContentPane().add(browser.getUIComponent(), BorderLayout.CENTER);
        f.setMinimumSize(new Dimension(960, 600));
        f.setSize(1200, 760);
        f.setLocation(20, 20);
        f.setVisible(true);
        return f;
    }

    private interface EventThreadTask<T> {
        T run();
    }

    private static <T> T onEventThread(EventThreadTask<T> task) throws InterruptedException {
        if (EventQueue.isDispatchThread()) {
            return task.run();
        }
        Object[] result = new Object[1];
        try {
            EventQueue.invokeAndWait(() -> result[0] = task.run());
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }
}
