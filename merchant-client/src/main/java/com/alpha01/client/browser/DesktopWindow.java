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
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import javax.swing.JFrame;
import javax.swing.WindowConstants;
import org.cef.CefClient;
import org.cef.browser.CefBrowser;
import org.cef.browser.CefMessageRouter;

/**
 * The application window: a {@link JFrame} holding embedded Chromium that shows the glass UI at
 * {@value UiResources#START_URL}, connected to a {@link Bridge}, opened by a {@link CefRuntime}.
 */
public final class DesktopWindow {

    private final CefRuntime runtime;
    private final CefMessageRouter router;
    private final CefBrowser browser;
    private final Bridge bridge;
    private final ScriptEvaluator evaluator;
    private final PageLoads loads;
    private final JFrame frame;
    private final FileDrops drops = new FileDrops();
    private final Popups popups = new Popups();
    private final ScriptBatcher events;
    private volatile Runnable onUserClose = () -> {
        close();
        Runtime.getRuntime().exit(0);
    };

    DesktopWindow(CefRuntime runtime, CefClient client, String title, Bridge bridge) throws InterruptedException {
        this.runtime = runtime;
        this.bridge = bridge;
        this.evaluator = new ScriptEvaluator();
        this.loads = new PageLoads(bridge);
        this.router = CefMessageRouter.create();
        router.addHandler(evaluator, true);
        router.addHandler(new BridgeRouterHandler(bridge), false);
        client.addMessageRouter(router);
        client.addLoadHandler(loads);
        client.addDisplayHandler(new ConsoleLog());
        client.addDragHandler(drops);
        client.addRequestHandler(FileDrops.navigationGuard());
        client.addLifeSpanHandler(popups);
        this.browser = client.createBrowser(UiResources.START_URL, false, false);
        this.events = new ScriptBatcher(js -> browser.executeJavaScript(js, UiResources.START_URL, 1),
                ScriptBatcher.INTERVAL_MILLIS);
        bridge.attach(events);
        this.frame = onEventThread(() -> createFrame(title));
    }

    /**
     * Starts CEF in this process (see {@link CefRuntime#start}) and opens the window on it; closing
     * the window shuts CEF down.
     *
     * @throws IllegalStateException if CEF cannot start (no display, unsupported platform, …)
     */
    public static DesktopWindow open(Path installDir, String title, Bridge bridge) {
        return CefRuntime.start(installDir).open(title, bridge);
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
        events.send(); // the events emitted before the script reach the page before it
        return evaluator.evaluate(browser, functionBody);
    }

    /** Files dragged onto the window, for the page to import by name when they are dropped. */
    public FileDrops drops() {
        return drops;
    }

    /** Where links that would open a popup window go (http(s) only); by default the system browser. */
    public void onExternalLink(java.util.function.Consumer<String> opener) {
        popups.external(opener);
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
                return viewOnScreen();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }, timeout);
    }

    /** Where the browser area is on screen (tests click there with real input). */
    Rectangle viewOnScreen() throws InterruptedException {
        return onEventThread(() -> {
            Component view = browser.getUIComponent();
            return new Rectangle(view.getLocationOnScreen(), view.getSize());
        });
    }

    /** Shows a page of another origin (the sign-in page) in place of the app; see {@link #showApp()}. */
    public void navigate(String url) {
        browser.loadURL(url);
    }

    /** Shows the app UI again (it asks the bridge for its snapshot anew). */
    public void showApp() {
        browser.loadURL(UiResources.START_URL);
    }

    /** The address of the page on screen. */
    public String url() {
        return browser.getURL();
    }

    /** Brings the window to the front (a second start of the app asks for this). */
    public void toFront() {
        EventQueue.invokeLater(() -> {
            frame.setExtendedState(frame.getExtendedState() & ~java.awt.Frame.ICONIFIED);
            frame.toFront();
            frame.requestFocus();
        });
    }

    /** Asks the desktop for the user's attention (taskbar flash), where supported. */
    public void requestAttention() {
        EventQueue.invokeLater(() -> {
            if (java.awt.Taskbar.isTaskbarSupported()
                    && java.awt.Taskbar.getTaskbar().isSupported(java.awt.Taskbar.Feature.USER_ATTENTION_WINDOW)) {
                java.awt.Taskbar.getTaskbar().requestWindowUserAttention(frame);
            }
        });
    }

    /** Closes the window by shutting CEF down (see {@link CefRuntime#close()}). Idempotent; blocks. */
    public void close() {
        runtime.close();
    }

    void allowClose() {
        bridge.detach();
        events.close();
        evaluator.cancelAll();
        browser.setCloseAllowed();
    }

    void disposeFrame() {
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
        java.net.URL icon = DesktopWindow.class.getResource("/ui/icon.png");
        if (icon != null) {
            f.setIconImage(java.awt.Toolkit.getDefaultToolkit().getImage(icon));
        }
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
