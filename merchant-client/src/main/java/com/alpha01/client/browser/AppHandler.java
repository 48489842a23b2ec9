package com.alpha01.client.browser;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import me.friwi.jcefmaven.MavenCefAppHandlerAdapter;
import org.cef.CefApp;
import org.cef.CefApp.CefAppState;
import org.cef.callback.CefSchemeRegistrar;
import org.jboss.logging.Logger;

/**
 * CEF application callbacks: declares the {@code app} scheme (in every CEF process), installs its
 * handler once the context exists, and lets {@link CefRuntime#close()} wait for termination.
 */
final class AppHandler extends MavenCefAppHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(AppHandler.class);

    private final UiResources resources;
    private final CountDownLatch terminated = new CountDownLatch(1);

    AppHandler(UiResources resources) {
        this.resources = resources;
    }

    @Override
    public void onRegisterCustomSchemes(CefSchemeRegistrar registrar) {
        // standard, not local, not display-isolated, secure, CORS-enabled (ES modules), CSP applies, fetch enabled
        registrar.addCustomScheme(UiResources.SCHEME, true, false, false, true, true, false, true);
    }

    @Override
    public void onContextInitialized() {
        boolean registered = CefApp.getInstance().registerSchemeHandlerFactory(UiResources.SCHEME, UiResources.HOST,
                (browser, frame, schemeName, request) -> new UiResourceHandler(resources));
        if (!registered) {
            LOG.error("Could not register the app:// scheme handler; the window will stay empty");
        }
    }

    @Override
    public void stateHasChanged(CefAppState state) {
        LOG.debugf("CEF state %s", state);
        if (state == CefAppState.TERMINATED) {
            terminated.countDown();
        }
    }

    /** Waits until CEF has shut down. The notice comes on the AWT event thread, so never call this there. */
    boolean awaitTerminated(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || CefApp.getState() == CefAppState.TERMINATED;
    }
}
