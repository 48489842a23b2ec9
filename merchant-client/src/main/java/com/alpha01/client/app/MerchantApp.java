package com.alpha01.client.app;

import com.alpha01.client.auth.BrowserSignIn;
import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.browser.DesktopWindow;
import com.alpha01.client.faq.FaqResponder;
import com.alpha01.client.link.LinkState;
import com.alpha01.client.link.ServerApi;
import com.alpha01.client.link.ServerLink;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.protocol.Frame;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The merchant app without its window: the staff member's session, this device's registration,
 * the link to the server, the local answers, and everything the UI shows and asks for (the
 * bridge). It works offline from its encrypted cache and connects whenever it can: from a kept
 * session, a scripted sign-in, or the sign-in page staff open from the UI.
 */
public final class MerchantApp implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MerchantApp.class);
    public static final String VERSION = "0.1.0";
    static final String SESSION_RECORD = "session";
    static final String CACHE_RECORD = "conversations";

    final ClientSettings boot;
    final EncryptedStore store;
    final AppSettings settings;
    final UiState ui = new UiState();
    final Bridge bridge = new Bridge();
    final FaqResponder faq = FaqResponder.builtIn();
    final SystemMonitor monitor = new SystemMonitor();
    final UpdateCheck updates = new UpdateCheck();
    private final Notifier notifier;
    final com.alpha01.client.automation.Automation automation;
    final LocalAi ai;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alpha01-app");
        t.setDaemon(true);
        return t;
    });

    private volatile DesktopWindow window;
    private volatile String chromium = "?";
    volatile Connection connection;
    private volatile BrowserSignIn signIn;
    volatile UpdateCheck.Result update = UpdateCheck.Result.UNKNOWN;
    private volatile boolean closed;

    /** What exists while signed in: the session, the REST API and this device's registration. */
    record Connection(KeycloakSession session, ServerApi api, ServerApi.Registration registration) {
    }

    static final String REGISTRATION_RECORD = "registration";
    /** The signed-in session the link takes its tokens from (none: the link waits). */
    private final java.util.concurrent.atomic.AtomicReference<KeycloakSession> session =
            new java.util.concurrent.atomic.AtomicReference<>();
    private volatile ServerLink link;
    private volatile AutoResponder responder;

    public MerchantApp(ClientSettings boot, EncryptedStore store) throws IOException {
        this.boot = boot;
        this.store = store;
        this.settings = new AppSettings(store, boot);
        this.notifier = new Notifier("阿尔法01 · 商家端");
        this.automation = new com.alpha01.client.automation.Automation(java.time.Clock.systemDefaultZone(),
                java.time.ZoneId.systemDefault(), com.alpha01.client.automation.AutomationStore.encrypted(store),
                new AutomationActions(this));
        this.ai = new LocalAi(store, settings, () -> cachedRegistrationQuietly().map(ServerApi.Registration::merchantName)
                .orElse(""), () -> automation.hours().open() + "–" + automation.hours().close());
        automation.useIntents((message, example) -> ai.knowledge().map(kb -> kb.similarity(message, example)).orElse(0.0));
        ai.onFollowUp(task -> {
            bridge.emit("followup", Json.createObjectBuilder().add("id", task.id()).add("summary", task.summary()).build());
            notifier.notify("阿尔法01", "新的跟进任务");
        });
        store.getString(CACHE_RECORD).ifPresent(cache -> {
            try {
                ui.restore(Json.createReader(new StringReader(cache)).readObject());
            } catch (RuntimeException e) {
                LOG.warnf("The conversation cache could not be read (%s); starting without it", e.getClass().getSimpleName());
            }
        });
        status(LinkState.CLOSED);
        new BridgeHandlers(this).register();
    }

    public Bridge bridge() {
        return bridge;
    }

    /** The window, once open: sign-in shows Keycloak's page there, notices ask for attention. */
    public void attach(DesktopWindow window, String chromiumVersion) {
        this.window = window;
        this.chromium = chromiumVersion;
    }

    String chromium() {
        return chromium;
    }

    /**
     * Signs in without asking when it can (a session kept from the last run, or
     * {@code ALPHA01_CLIENT_USERNAME}/{@code _PASSWORD} for scripted starts), then connects. Otherwise
     * the UI shows "not signed in" and a sign-in button.
     */
    public void start() {
        worker.scheduleWithFixedDelay(this::saveCache, 2, 2, TimeUnit.SECONDS);
        worker.scheduleWithFixedDelay(this::refreshStats, 30, 30, TimeUnit.SECONDS);
        worker.scheduleWithFixedDelay(() -> {
            try {
                automation.tick();
            } catch (RuntimeException e) {
                LOG.warnf("Automation tick failed: %s", e.getMessage());
            }
        }, 15, 15, TimeUnit.SECONDS);
        worker.scheduleWithFixedDelay(() -> bridge.emit("system", BridgeHandlers.system(this)), 2, 2, TimeUnit.SECONDS);
        worker.scheduleWithFixedDelay(this::checkUpdate, 0, 6, TimeUnit.HOURS);
        worker.execute(() -> {
            try {
                // Signed in last time: the link exists at once (for this device's registration), so
                // replies typed before the server is reachable wait in the outbox.
                if (store.getString(SESSION_RECORD).isPresent()) {
                    cachedRegistration().ifPresent(reg -> ensureLink(reg.clientId()));
                }
                Optional<KeycloakSession> session = keptSession().or(this::scriptedSession);
                session.ifPresent(this::connect);
            } catch (IOException e) {
                LOG.warnf("The local store could not be read: %s", e.getMessage());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Automatic sign-in failed");
            }
        });
    }

    private Optional<KeycloakSession> keptSession() {
        try {
            Optional<String> token = store.getString(SESSION_RECORD);
            if (token.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(KeycloakSession.fromRefreshToken(boot.oidcUrl(), token.get()));
        } catch (KeycloakSession.SignInException e) {
            LOG.infof("The kept session has ended (%s); sign-in needed", e.error());
            forgetSession();
            return Optional.empty();
        } catch (IOException e) {
            LOG.warnf("Keycloak cannot be reached (%s); working offline and trying again in 15 s", e.getMessage());
            status(LinkState.OFFLINE);
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
            LOG.warnf("Scripted sign-in failed (%s); trying again in 15 s", e.getMessage());
            worker.schedule(() -> scriptedSession().ifPresent(this::connect), 15, TimeUnit.SECONDS);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The window the app shows in, if it has one yet. */
    java.util.Optional<DesktopWindow> window() {
        return java.util.Optional.ofNullable(window);
    }

    /** Opens Keycloak's sign-in page in the window; the app page comes back once it is done. */
    void signIn() throws IOException {
        DesktopWindow w = window;
        if (w == null) {
            throw new IllegalStateException("no window");
        }
        BrowserSignIn previous = signIn;
        if (previous != null) {
            previous.close();
        }
        BrowserSignIn attempt = BrowserSignIn.start(boot.oidcUrl());
        signIn = attempt;
        attempt.result().whenComplete((session, failure) -> {
            w.showApp();
            if (session != null) {
                worker.execute(() -> connect(session));
            } else if (!(failure instanceof java.util.concurrent.CancellationException)) {
                LOG.warnf("Sign-in failed: %s", failure.getMessage());
            }
            worker.schedule(attempt::close, 5, TimeUnit.SECONDS);
        });
        w.navigate(attempt.authorizationUrl(settings.language()).toString());
    }

    /** Ends the session here and at Keycloak; the cache stays for browsing. */
    void signOut() {
        Connection c = connection;
        connection = null;
        forgetSession();
        closeLink();
        KeycloakSession s = session.getAndSet(null);
        if (s != null) {
            s.signOut();
        }
        status(LinkState.CLOSED);
        LOG.info("Signed out");
    }

    private void forgetSession() {
        try {
            store.delete(SESSION_RECORD);
        } catch (IOException e) {
            LOG.warnf("Could not forget the session: %s", e.getMessage());
        }
    }

    /** Registers this device (retrying while the server is away), then opens the link. */
    void connect(KeycloakSession session) {
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
                store.putString(SESSION_RECORD, token);
            } catch (IOException e) {
                LOG.warnf("Could not keep the session: %s", e.getMessage());
            }
        });
        status(LinkState.CONNECTING);
        ServerApi api = new ServerApi(settings.serverUrls().get(0), session);
        ServerApi.Registration reg;
        try {
            reg = api.register(boot.deviceId(), settings.deviceName(), VERSION, settings.capacity().orElse(null));
        } catch (IOException e) {
            LOG.warnf("Registration failed (%s); working offline and trying again in 10 s", e.getMessage());
            status(LinkState.OFFLINE);
            worker.schedule(() -> connect(session), 10, TimeUnit.SECONDS);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        LOG.infof("Signed in, client %s of merchant %s", reg.clientId(), reg.merchantCode());
        saveRegistration(reg);
        connection = new Connection(session, api, reg);
        ai.rebuild(); // the shop's name may have changed
        ensureLink(reg.clientId()).retryNow();
        try {
            ServerApi.QrCode qr = CounterCode.of(api, store, reg.clientId());
            bridge.emit("qr", ui.qr(qr.url(), "data:image/png;base64," + Base64.getEncoder().encodeToString(qr.png())));
            boot.get("qr.file").ifPresent(file -> QrFile.write(java.nio.file.Path.of(file), qr));
        } catch (IOException e) {
            LOG.warnf("Could not get the counter QR code: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        refreshStats();
        checkUpdate();
    }

    /** The link's state, with who and where, to the UI. */
    void status(LinkState state) {
        Connection c = connection;
        ServerLink l = link;
        var details = Json.createObjectBuilder()
                .add("server", (l == null ? settings.serverUrls().get(0) : l.currentServer()).toString());
        Optional<ServerApi.Registration> reg = c != null ? Optional.of(c.registration()) : cachedRegistrationQuietly();
        reg.ifPresent(r -> details.add("merchantName", r.merchantName()).add("staffName", r.staffName())
                .add("clientId", r.clientId()));
        if (l != null && l.rttMillis() >= 0) {
            details.add("rttMs", l.rttMillis());
        }
        // Signed out means no session at all; a kept one that cannot reach the server yet is offline.
        LinkState shown = state == LinkState.CLOSED && link != null ? LinkState.OFFLINE : state;
        bridge.emit("status", ui.status(shown, details));
    }

    ServerLink link() {
        return link;
    }

    /** The link for this device, made once per registration; replies wait in its encrypted outbox. */
    synchronized ServerLink ensureLink(String clientId) {
        ServerLink l = link;
        if (l != null && l.clientId().equals(clientId)) {
            return l;
        }
        closeLink();
        AutoResponder r = new AutoResponder(faq, new Observer(this));
        r.useAutomation(automation);
        r.useAssistant(ai::assistant);
        l = new ServerLink(settings.serverUrls(), clientId, () -> {
            KeycloakSession s = session.get();
            return s == null ? "" : s.get();
        }, r);
        r.attach(l);
        l.persistOutboxIn(store);
        responder = r;
        link = l;
        l.start();
        return l;
    }

    private synchronized void closeLink() {
        ServerLink l = link;
        AutoResponder r = responder;
        link = null;
        responder = null;
        if (l != null) {
            l.close();
        }
        if (r != null) {
            r.close();
        }
    }

    private void saveRegistration(ServerApi.Registration reg) {
        try {
            store.putString(REGISTRATION_RECORD, Json.createObjectBuilder().add("clientId", reg.clientId())
                    .add("merchantId", reg.merchantId()).add("merchantCode", reg.merchantCode())
                    .add("merchantName", reg.merchantName()).add("staffName", reg.staffName()).build().toString());
        } catch (IOException e) {
            LOG.warnf("Could not keep the registration: %s", e.getMessage());
        }
    }

    private Optional<ServerApi.Registration> cachedRegistration() throws IOException {
        return store.getString(REGISTRATION_RECORD).map(s -> Json.createReader(new StringReader(s)).readObject())
                .map(o -> new ServerApi.Registration(o.getString("clientId"), o.getString("merchantId"),
                        o.getString("merchantCode"), o.getString("merchantName"), o.getString("staffName", "")));
    }

    private Optional<ServerApi.Registration> cachedRegistrationQuietly() {
        try {
            return cachedRegistration();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void notifyStaff(String kind, String customer) {
        String name = customer == null || customer.isBlank() ? "顾客" : customer;
        bridge.emit("notify", Json.createObjectBuilder().add("kind", kind).add("customer", name).build());
        notifier.notify("阿尔法01", switch (kind) {
            case "handoff" -> name + " 请求人工服务";
            case "notice" -> name;
            default -> "新会话：" + name;
        });
        DesktopWindow w = window;
        if (w != null) {
            w.requestAttention();
        }
    }

    /** Today's figures from the server, for 总览. */
    void refreshStats() {
        Connection c = connection;
        if (c == null) {
            return;
        }
        try {
            bridge.emit("stats", c.api().stats());
        } catch (IOException e) {
            LOG.debugf("Stats not available: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkUpdate() {
        update = updates.check(settings.serverUrls().get(0), VERSION);
        if (update.available()) {
            LOG.infof("Update available: %s (this is %s)", update.latest(), VERSION);
        }
    }

    private void saveCache() {
        if (!ui.dirty()) {
            return;
        }
        try {
            store.putString(CACHE_RECORD, ui.cache().toString());
        } catch (IOException e) {
            LOG.warnf("Could not save the conversation cache: %s", e.getMessage());
        }
    }

    JsonObject currentStats() {
        Connection c = connection;
        if (c == null) {
            return null;
        }
        try {
            return c.api().stats();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Stops the link, keeps the cache, then the window goes (in CEF's safe order). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        worker.shutdownNow();
        closeLink();
        KeycloakSession s = session.getAndSet(null);
        if (s != null) {
            s.close();
        }
        saveCache();
        ai.close();
        BrowserSignIn attempt = signIn;
        if (attempt != null) {
            attempt.close();
        }
        notifier.close();
        bridge.close();
    }
}
