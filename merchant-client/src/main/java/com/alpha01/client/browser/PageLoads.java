package com.alpha01.client.browser;

import com.alpha01.client.bridge.Bridge;
import java.time.Duration;
import org.cef.browser.CefBrowser;
import org.cef.browser.CefFrame;
import org.cef.handler.CefLoadHandler;
import org.cef.handler.CefLoadHandlerAdapter;
import org.cef.network.CefRequest;
import org.jboss.logging.Logger;

/** Follows the main frame's loads: tells the bridge when the page goes away, and counts finished loads. */
final class PageLoads extends CefLoadHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(PageLoads.class);

    private final Bridge bridge;
    private int finished;

    PageLoads(Bridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public void onLoadStart(CefBrowser browser, CefFrame frame, CefRequest.TransitionType transitionType) {
        if (frame.isMain()) {
            bridge.pageUnloaded();
        }
    }

    @Override
    public void onLoadEnd(CefBrowser browser, CefFrame frame, int httpStatusCode) {
        if (frame.isMain()) {
            LOG.debugf("Loaded %s (%d)", frame.getURL(), httpStatusCode);
            synchronized (this) {
                finished++;
                notifyAll();
            }
        }
    }

    @Override
    public void onLoadError(CefBrowser browser, CefFrame frame, CefLoadHandler.ErrorCode errorCode, String errorText,
            String failedUrl) {
        LOG.warnf("Could not load %s: %s %s", failedUrl, errorCode, errorText);
    }

    synchronized boolean await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (finished < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
