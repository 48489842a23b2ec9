package com.alpha01.client.session;

import com.alpha01.client.auth.BrowserSignIn;
import com.alpha01.client.browser.DesktopWindow;
import com.alpha01.client.settings.AppSettings;
import com.alpha01.client.settings.ClientSettings;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Sign-in on Keycloak's page, shown in the app's window; the app page comes back once it is done. */
public final class PageSignIn implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PageSignIn.class);

    private final ClientSettings boot;
    private final AppSettings settings;
    private final ScheduledExecutorService worker;
    private final StaffSession sessions;
    private final Supplier<Optional<DesktopWindow>> window;
    private volatile BrowserSignIn attempt;

    public PageSignIn(ClientSettings boot, AppSettings settings, ScheduledExecutorService worker, StaffSession sessions,
            Supplier<Optional<DesktopWindow>> window) {
        this.boot = boot;
        this.settings = settings;
        this.worker = worker;
        this.sessions = sessions;
        this.window = window;
    }

    /** Opens Keycloak's sign-in page in the window (replacing an earlier attempt); connects once signed in. */
    public void open() throws IOException {
        DesktopWindow w = window.get().orElseThrow(() -> new IllegalStateException("no window"));
        BrowserSignIn previous = attempt;
        if (previous != null) {
            previous.close();
        }
        BrowserSignIn next = BrowserSignIn.start(boot.oidcUrl());
        attempt = next;
        next.result().whenComplete((session, failure) -> {
            w.showApp();
            if (session != null) {
                worker.execute(() -> sessions.connect(session));
            } else if (!(failure instanceof CancellationException)) {
                LOG.warnf("Sign-in failed: %s", failure.getMessage());
            }
            worker.schedule(next::close, 5, TimeUnit.SECONDS);
        });
        w.navigate(next.authorizationUrl(settings.language()).toString());
    }

    @Override
    public void close() {
        BrowserSignIn a = attempt;
        if (a != null) {
            a.close();
        }
    }
}
