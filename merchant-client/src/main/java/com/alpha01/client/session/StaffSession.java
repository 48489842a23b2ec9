package com.alpha01.client.session;

import com.alpha01.client.answering.AutoResponder;
import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.LinkState;
import com.alpha01.client.link.ServerApi;
import com.alpha01.client.link.ServerLink;
import com.alpha01.client.link.ServerTrust;
import com.alpha01.client.settings.AppSettings;
import com.alpha01.client.settings.ClientSettings;
import com.alpha01.client.store.EncryptedStore;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The staff member's session on this PC and what hangs on it. Signs in without asking when it can
 * (a session kept from the last run, record {@value #RECORD}, or {@code ALPHA01_CLIENT_USERNAME}/
 * {@code _PASSWORD} for scripted starts); registers this device (retrying while the server is away)
 * and caches the registration; opens the link. Signing out ends the session here and at Keycloak.
 */
public final class StaffSession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StaffSession.class);
    public static final String RECORD = "session";

    /** What the session tells the app. Called on the app's worker thread. */
    public interface Events {
        /** The link's state as the session sees it (signed out: {@link LinkState#CLOSED}). */
        void state(LinkState state);

        /** The device is registered, before the link (re)connects. */
        void registered(Connection connection);

        /** The link has been asked to connect now. */
        void connected(Connection connection);
    }

    private final ClientSettings boot;
    private final AppSettings settings;
    private final EncryptedStore store;
    private final ScheduledExecutorService worker;
    private final Events events;
    private final RegistrationCache registrations;
    private final LinkLifecycle links;
    /** The signed-in session the link takes its tokens from (none: the link waits). */
    private final AtomicReference<KeycloakSession> session = new AtomicReference<>();
    private volatile Connection connection;
    private volatile boolean closed;

    public StaffSession(ClientSettings boot, AppSettings settings, EncryptedStore store, ScheduledExecutorService worker,
            Supplier<AutoResponder> responders, Events events) {
        this.boot = boot;
        this.settings = settings;
        this.store = store;
        this.worker = worker;
        this.events = events;
        this.registrations = new RegistrationCache(store);
        this.links = new LinkLifecycle(settings, store, () -> {
            KeycloakSession s = session.get();
            return s == null ? "" : s.get();
        }, responders);
    }

    /**
     * Signs in without asking when it can, then connects (run on the worker). Signed in last time,
     * the link exists at once (for the cached registration), so replies typed before the server is
     * reachable wait in its outbox.
     */
    public void signInWithoutAsking() {
        try {
            if (store.getString(RECORD).isPresent()) {
                registrations.load().ifPresent(reg -> links.ensure(reg.clientId()));
            }
            keptSession().or(this::scriptedSession).ifPresent(this::connect);
        } catch (IOException e) {
            LOG.warnf("The local store could not be read: %s", e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Automatic sign-in failed");
        }
    }

    private Optional<KeycloakSession> keptSession() {
        try {
            Optional<String> token = store.getString(RECORD);
            if (token.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(KeycloakSession.fromRefreshToken(boot.oidcUrl(), token.get()));
        } catch (KeycloakSession.SignInException e) {
            LOG.infof("The kept session has ended (%s); sign-in needed", e.error());
            forget();
            return Optional.empty();
        } catch (IOException e) {
            ServerTrust.shared().noteFailure(e);
            LOG.warnf("Keycloak cannot be reached (%s); working offline and trying again in 15 s", e.getMessage());
            events.state(LinkState.OFFLINE);
            worker.schedule(() -> keptSession().ifPresent(this::connect), 15, TimeUnit.SECONDS);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Optional<KeycloakSession> scriptedSession() {
        Optional<String> user = boot.get("client.username");
        if (user.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeycloakSession.signIn(boot.oidcUrl(), user.get(),
                    boot.get("client.password").orElse("").toCharArray()));
        } catch (IOException e) {
            ServerTrust.shared().noteFailure(e);
            LOG.warnf("Scripted sign-in failed (%s); trying again in 15 s", e.getMessage());
            worker.schedule(() -> scriptedSession().ifPresent(this::connect), 15, TimeUnit.SECONDS);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Registers this device (retrying while the server is away), then opens the link. */
    public void connect(KeycloakSession session) {
        if (closed) {
            session.close();
            return;
        }
        KeycloakSession previous = this.session.getAndSet(session);
        if (previous != null && previous != session) {
            previous.close();
        }
        session.onRefreshToken(token -> {
            try {
                store.putString(RECORD, token);
            } catch (IOException e) {
                LOG.warnf("Could not keep the session: %s", e.getMessage());
            }
        });
        events.state(LinkState.CONNECTING);
        ServerApi api = new ServerApi(settings.serverUrls(), session);
        ServerApi.Registration reg;
        try {
            reg = api.register(boot.deviceId(), settings.deviceName(), ClientSettings.VERSION,
                    settings.capacity().orElse(null));
        } catch (IOException e) {
            ServerTrust.shared().noteFailure(e);
            LOG.warnf("Registration failed (%s); working offline and trying again in 10 s", e.getMessage());
            events.state(LinkState.OFFLINE);
            worker.schedule(() -> connect(session), 10, TimeUnit.SECONDS);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        LOG.infof("Signed in, client %s of merchant %s", reg.clientId(), reg.merchantCode());
        registrations.save(reg);
        Connection c = new Connection(session, api, reg);
        connection = c;
        events.registered(c);
        links.ensure(reg.clientId()).retryNow();
        events.connected(c);
    }

    /** Ends the session here and at Keycloak; the cache stays for browsing. */
    public void signOut() {
        connection = null;
        forget();
        links.close();
        KeycloakSession s = session.getAndSet(null);
        if (s != null) {
            s.signOut();
        }
        events.state(LinkState.CLOSED);
        LOG.info("Signed out");
    }

    private void forget() {
        try {
            store.delete(RECORD);
        } catch (IOException e) {
            LOG.warnf("Could not forget the session: %s", e.getMessage());
        }
    }

    /** Signed in and registered (none while offline or signed out). */
    public Optional<Connection> connection() {
        return Optional.ofNullable(connection);
    }

    /** The link for this device: replies go through it, queued while it is offline (none: signed out). */
    public Optional<ServerLink> link() {
        return links.current();
    }

    /** This device's registration: the current one, else the cached one. */
    public Optional<ServerApi.Registration> registration() {
        Connection c = connection;
        return c != null ? Optional.of(c.registration()) : registrations.quietly();
    }

    /** The registration kept from the last time the device registered. */
    public Optional<ServerApi.Registration> cachedRegistration() {
        return registrations.quietly();
    }

    /** Closes the link and the session (kept for the next start). */
    @Override
    public void close() {
        closed = true;
        links.close();
        KeycloakSession s = session.getAndSet(null);
        if (s != null) {
            s.close();
        }
    }
}
