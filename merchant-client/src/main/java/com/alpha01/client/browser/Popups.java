package com.alpha01.client.browser;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.util.function.Consumer;
import org.cef.browser.CefBrowser;
import org.cef.browser.CefFrame;
import org.cef.handler.CefLifeSpanHandlerAdapter;
import org.jboss.logging.Logger;

/**
 * No popup windows: a page that opens one (a {@code target=_blank} link on Keycloak's sign-in page,
 * {@code window.open}) would get a bare native CEF window outside the app. An http(s) address goes
 * to the system browser instead; anything else is dropped.
 *
 * <p>Setting a life-span handler makes {@code CefClient.doClose} ask it rather than the browser, so
 * {@link #doClose} hands the decision back to the browser (the shutdown order of DESIGN.md §5).
 */
final class Popups extends CefLifeSpanHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(Popups.class);

    private volatile Consumer<String> external = Popups::openInSystemBrowser;

    /** Where http(s) popups go instead; by default the system browser. */
    void external(Consumer<String> opener) {
        this.external = opener;
    }

    @Override
    public boolean onBeforePopup(CefBrowser browser, CefFrame frame, String targetUrl, String targetFrameName) {
        if (targetUrl != null && (targetUrl.regionMatches(true, 0, "https://", 0, 8)
                || targetUrl.regionMatches(true, 0, "http://", 0, 7))) {
            Consumer<String> opener = external;
            Thread open = new Thread(() -> opener.accept(targetUrl), "alpha01-open-link");
            open.setDaemon(true);
            open.start();
        } else {
            LOG.debugf("Popup refused: %s", targetUrl == null ? "(none)" : targetUrl.split(":", 2)[0] + ":…");
        }
        return true;
    }

    @Override
    public boolean doClose(CefBrowser browser) {
        return browser.doClose();
    }

    private static void openInSystemBrowser(String url) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
            } else {
                new ProcessBuilder("xdg-open", url).start();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("A link could not be opened in the system browser: %s", e.getMessage());
        }
    }
}
