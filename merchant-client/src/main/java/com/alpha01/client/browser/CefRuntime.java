package com.alpha01.client.browser;

import com.alpha01.client.bridge.Bridge;
import java.awt.EventQueue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import me.friwi.jcefmaven.CefAppBuilder;
import me.friwi.jcefmaven.CefInitializationException;
import me.friwi.jcefmaven.UnsupportedPlatformException;
import org.cef.CefApp;
import org.cef.CefSettings;
import org.jboss.logging.Logger;

/**
 * Embedded Chromium for this process: started once (CEF cannot start twice in a JVM), owner of the
 * windows opened on it, and shut down in the one order that does not hang: every browser allowed
 * to close, {@code CefApp.dispose()}, wait for TERMINATED, then the frames disposed.
 */
public final class CefRuntime implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CefRuntime.class);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(15);
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private final CefApp app;
    private final AppHandler handler;
    private final List<DesktopWindow> windows = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private CefRuntime(CefApp app, AppHandler handler) {
        this.app = app;
        this.handler = handler;
    }

    /**
     * Starts CEF, installing its natives into {@code installDir} on first use (a browser profile
     * lives beside it in {@code <installDir>-cache}).
     *
     * @throws IllegalStateException if CEF cannot start (no display, unsupported platform, already
     *                               started in this process, …)
     */
    public static CefRuntime start(Path installDir) {
        if (!STARTED.compareAndSet(false, true)) {
            throw new IllegalStateException("CEF starts once per process; reuse the running CefRuntime");
        }
        if (!java.awt.GraphicsEnvironment.isHeadless()) {
            // AWT's X11 library does putenv("GDK_BACKEND=x11") when it loads. Loaded after Chromium's
            // threads run (the window's JFrame came after CEF), that putenv raced their getenv: a CI run
            // died with SIGSEGV in getenv on Chromium's D-Bus thread. So AWT loads first.
            java.awt.Toolkit.getDefaultToolkit();
        }
        AppHandler handler = new AppHandler(new UiResources(CefRuntime.class.getClassLoader()));
        CefAppBuilder builder = new CefAppBuilder();
        builder.setInstallDir(installDir.toFile());
        builder.setProgressHandler((state, percent) -> LOG.debugf("CEF %s %.0f%%", state, percent));
        // No OS keyring for Chromium's own password store: the app keeps no secrets in Chromium, and the
        // libsecret backend would talk D-Bus at start-up beside Chromium's D-Bus thread.
        builder.addJcefArgs("--disable-gpu", "--disable-dev-shm-usage", "--password-store=basic");
        // With this feature on, Chromium's font start-up task calls setenv("FC_FONTATIONS", "1") on a worker
        // while its other threads run getenv (the D-Bus thread connecting, the UI thread): a new variable
        // makes glibc reallocate the environ array, often freeing the old one under them, and two CI runs
        // died with SIGSEGV in getenv. Off, fontconfig indexes fonts with FreeType, as Chromium did before.
        // Chromium reads only the last --disable-features: add more names to this one. CefEnvironmentTest
        // checks that no variable appears once Chromium runs.
        builder.addJcefArgs("--disable-features=FontConfigFontationsIndexing");
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
        builder.setAppHandler(handler);
        try {
            CefApp app = builder.build();
            LOG.infof("CEF %s started", app.getVersion());
            return new CefRuntime(app, handler);
        } catch (IOException | UnsupportedPlatformException | CefInitializationException e) {
            STARTED.set(false);
            throw new IllegalStateException("Could not start the embedded browser: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the embedded browser", e);
        }
    }

    /** Opens a window showing the app UI, connected to {@code bridge}. */
    public DesktopWindow open(String title, Bridge bridge) {
        if (closed.get()) {
            throw new IllegalStateException("CEF has been shut down");
        }
        try {
            DesktopWindow window = new DesktopWindow(this, app.createClient(), title, bridge);
            windows.add(window);
            return window;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while opening the window", e);
        }
    }

    /** The Chromium version inside, e.g. {@code 146.0.x}. */
    public String chromiumVersion() {
        var version = app.getVersion();
        return version == null ? "?" : version.getChromeVersion();
    }

    /**
     * Shuts CEF down and disposes every window. Idempotent; blocks (up to 15 s for CEF). Called on
     * the AWT event thread, it goes on in a thread of its own, since CEF reports termination there.
     */
    @Override
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
        LOG.info("Shutting the embedded browser down");
        windows.forEach(DesktopWindow::allowClose);
        app.dispose();
        try {
            if (!handler.awaitTerminated(SHUTDOWN_TIMEOUT)) {
                LOG.warnf("CEF did not terminate within %s", SHUTDOWN_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        windows.forEach(DesktopWindow::disposeFrame);
    }
}
