package com.alpha01.client.app;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.answering.AutoResponder;
import com.alpha01.client.answering.AutomationActions;
import com.alpha01.client.answering.LocalAi;
import com.alpha01.client.automation.Automation;
import com.alpha01.client.automation.AutomationStore;
import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.bridge.BridgeException;
import com.alpha01.client.browser.DesktopWindow;
import com.alpha01.client.faq.FaqResponder;
import com.alpha01.client.link.LinkState;
import com.alpha01.client.link.ServerApi;
import com.alpha01.client.link.WorkTally;
import com.alpha01.client.screens.AutomationScreen;
import com.alpha01.client.screens.ConversationsScreen;
import com.alpha01.client.screens.KnowledgeScreen;
import com.alpha01.client.screens.QrScreen;
import com.alpha01.client.screens.SessionRequests;
import com.alpha01.client.screens.SettingsScreen;
import com.alpha01.client.screens.StatusScreen;
import com.alpha01.client.session.Connection;
import com.alpha01.client.session.PageSignIn;
import com.alpha01.client.session.StaffSession;
import com.alpha01.client.settings.AppSettings;
import com.alpha01.client.settings.ClientSettings;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.ui.ConversationCache;
import com.alpha01.client.ui.CounterQr;
import com.alpha01.client.ui.LinkStatus;
import com.alpha01.client.ui.StaffNotices;
import com.alpha01.client.ui.TodaysFigures;
import com.alpha01.client.ui.UiEvents;
import com.alpha01.client.ui.UiState;
import com.alpha01.client.update.AppUpdates;
import com.alpha01.client.update.Updater;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The merchant app without its window: builds the rooms — the staff member's session
 * ({@code session}), the answering of customer messages ({@code answering}), what the window shows
 * ({@code ui}) and what it asks ({@code screens}) — and runs their periodic jobs. It works offline
 * from its encrypted cache and connects whenever it can: from a kept session, a scripted sign-in,
 * or the sign-in page staff open from the UI.
 */
public final class MerchantApp implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MerchantApp.class);

    private final AppSettings settings;
    private final Bridge bridge = new Bridge();
    private final UiState ui = new UiState();
    private final FaqResponder faq = FaqResponder.builtIn();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alpha01-app");
        t.setDaemon(true);
        return t;
    });
    private final StaffNotices notices;
    private final ConversationCache cache;
    private final StaffSession sessions;
    private final PageSignIn signIn;
    private final LinkStatus status;
    private final TodaysFigures figures;
    private final CounterQr counterQr;
    private final UiEvents events;
    private final Automation automation;
    private final LocalAi ai;
    private final StatusScreen statusScreen;
    private final Updater updates;

    /** What this run of the app has done, reported to the server by each link (issue 16). */
    private final WorkTally tally = new WorkTally();
    private volatile DesktopWindow window;
    private volatile String chromium = "?";
    private volatile boolean closed;

    public MerchantApp(ClientSettings boot, EncryptedStore store) throws IOException {
        this.settings = new AppSettings(store, boot);
        this.notices = new StaffNotices(bridge, this::window, settings::language);
        this.updates = AppUpdates.create(boot.home(), () -> settings.serverUrls().get(0), ClientSettings.VERSION,
                boot.deviceId(), state -> bridge.emit("update", state));
        this.cache = new ConversationCache(store, ui);
        this.sessions = new StaffSession(boot, settings, store, worker, this::responder, new SessionEvents());
        this.signIn = new PageSignIn(boot, settings, worker, sessions, this::window);
        this.status = new LinkStatus(bridge, ui, settings, sessions);
        this.figures = new TodaysFigures(bridge, sessions::connection, worker);
        this.counterQr = new CounterQr(bridge, ui, store, boot);
        this.events = new UiEvents(bridge, ui, notices, status::show);
        events.onActivity(figures::refreshSoon);
        this.automation = new Automation(Clock.systemDefaultZone(), ZoneId.systemDefault(),
                AutomationStore.encrypted(store), new AutomationActions(sessions::link, events, figures::current));
        this.ai = new LocalAi(store, settings, () -> sessions.cachedRegistration().map(ServerApi.Registration::merchantName)
                .orElse(""), () -> automation.hours().open() + "–" + automation.hours().close());
        automation.useIntents((message, example) -> ai.knowledge().map(kb -> kb.similarity(message, example)).orElse(0.0));
        ai.onFollowUp(notices::followUp);
        tally.countsFrom(ai::modelErrors, automation.counts()::runs, automation.counts()::failures);
        cache.restore();
        status.show(LinkState.CLOSED);
        this.statusScreen = new StatusScreen(ui, settings, sessions, store, ai, () -> chromium,
                updates::state);
        new ConversationsScreen(ui, events, settings, sessions, figures, ai.unanswered()).register(bridge);
        new SettingsScreen(settings, ai, sessions, store, boot.home()).register(bridge);
        statusScreen.register(bridge);
        bridge.on("update.apply", r -> {
            try {
                updates.apply(() -> new Thread(() -> Runtime.getRuntime().exit(0), "alpha01-restart").start());
            } catch (IOException e) {
                throw new BridgeException("UPDATE_NOT_READY", e.getMessage());
            }
            return JSON.createObjectBuilder().add("ok", true).build();
        });
        new KnowledgeScreen(ai, this::window).register(bridge);
        new QrScreen(store, sessions, ui).register(bridge);
        new AutomationScreen(automation, ai, ui).register(bridge);
        new SessionRequests(signIn, sessions).register(bridge);
    }

    public Bridge bridge() {
        return bridge;
    }

    /** The window, once open: sign-in shows Keycloak's page there, notices ask for attention. */
    public void attach(DesktopWindow window, String chromiumVersion) {
        this.window = window;
        this.chromium = chromiumVersion;
    }

    private Optional<DesktopWindow> window() {
        return Optional.ofNullable(window);
    }

    /**
     * Starts the periodic jobs (cache saving, today's figures, automation, status, update check) and
     * signs in without asking when it can, then connects. Otherwise the UI shows "not signed in"
     * and a sign-in button.
     */
    public void start() {
        worker.scheduleWithFixedDelay(cache::save, 2, 2, TimeUnit.SECONDS);
        worker.scheduleWithFixedDelay(figures::refresh, 30, 30, TimeUnit.SECONDS);
        worker.scheduleWithFixedDelay(() -> {
            try {
                automation.tick();
            } catch (RuntimeException e) {
                LOG.warnf("Automation tick failed: %s", e.getMessage());
            }
        }, 15, 15, TimeUnit.SECONDS);
        worker.scheduleWithFixedDelay(() -> bridge.emit("system", statusScreen.system()), 2, 2, TimeUnit.SECONDS);
        worker.scheduleWithFixedDelay(updates::check, 0, 1, TimeUnit.DAYS);
        worker.execute(sessions::signInWithoutAsking);
    }

    /** A fresh responder for each new link: the shop's rules, then the assistant, else the FAQ. */
    private AutoResponder responder() {
        AutoResponder r = new AutoResponder(faq, events);
        r.useTally(tally);
        r.useAutomation(automation);
        r.useAssistant(ai::assistant);
        r.useShopKnowledgeCheck(ai::shopKnowledge);
        r.recordUnanswered(ai.unanswered());
        return r;
    }

    /** What the session's changes mean for the rest of the app. */
    private final class SessionEvents implements StaffSession.Events {
        @Override
        public void state(LinkState state) {
            status.show(state);
        }

        @Override
        public void registered(Connection connection) {
            ai.rebuild(); // the shop's name may have changed
        }

        @Override
        public void connected(Connection connection) {
            counterQr.show(connection);
            figures.refresh();
            updates.check();
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
        sessions.close();
        cache.save();
        ai.close();
        signIn.close();
        notices.close();
        bridge.close();
    }
}
