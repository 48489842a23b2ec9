package com.alpha01.client.screens;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.ai.DailyUsage;
import com.alpha01.client.answering.LocalAi;
import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.link.ServerLink;
import com.alpha01.client.link.ServerTrust;
import com.alpha01.client.session.StaffSession;
import com.alpha01.client.settings.AppSettings;
import com.alpha01.client.settings.ClientSettings;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.ui.UiState;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.function.Supplier;

/**
 * The 状态 screen: the link (state, server, round trip, outbox), the store's key, this process's
 * memory and CPU, version, Chromium, the update check and today's tokens. Asked for, and sent
 * every 2 s as the {@code system} event.
 */
public final class StatusScreen {

    private final UiState ui;
    private final AppSettings settings;
    private final StaffSession sessions;
    private final EncryptedStore store;
    private final LocalAi ai;
    private final Supplier<String> chromium;
    private final Supplier<JsonObject> update;
    private final SystemMonitor monitor = new SystemMonitor();

    public StatusScreen(UiState ui, AppSettings settings, StaffSession sessions, EncryptedStore store, LocalAi ai,
            Supplier<String> chromium, Supplier<JsonObject> update) {
        this.ui = ui;
        this.settings = settings;
        this.sessions = sessions;
        this.store = store;
        this.ai = ai;
        this.chromium = chromium;
        this.update = update;
    }

    public void register(Bridge bridge) {
        bridge.on("system.status", r -> system());
    }

    /** What 状态 shows now. */
    public JsonObject system() {
        ServerLink link = sessions.link().orElse(null);
        SystemMonitor.Figures f = monitor.sample();
        JsonObjectBuilder o = JSON.createObjectBuilder()
                .add("state", ui.status().getString("state", "signed-out"))
                .add("server", link == null ? settings.serverUrls().get(0).toString() : link.currentServer().toString())
                .add("outbox", link == null ? 0 : link.outboxSize()).add("storeKey", store.keyKind())
                .add("memory", JSON.createObjectBuilder().add("appMb", f.appMb()).add("totalMb", f.totalMb()))
                .add("uptimeSeconds", f.uptimeSeconds()).add("version", ClientSettings.VERSION)
                .add("chromium", chromium.get()).add("update", update.get()).add("tokens", tokens(ai));
        if (f.cpuPercent() >= 0) {
            o.add("cpuPercent", Math.round(f.cpuPercent() * 10) / 10.0);
        }
        if (link != null && link.rttMillis() >= 0) {
            o.add("rttMs", link.rttMillis());
        }
        if (link != null) {
            o.add("work", work(link.tally().report()));
        }
        java.net.URI server = link == null ? settings.serverUrls().get(0) : link.currentServer();
        o.add("tls", tls(server, ServerTrust.shared()));
        return o.build();
    }

    /**
     * How the link is protected: {@code verified} (HTTPS, certificate checked), {@code plain} (an {@code http}
     * server URL: nothing is encrypted), or the refused certificate's problem code.
     */
    static String tls(java.net.URI server, ServerTrust trust) {
        if (!"https".equalsIgnoreCase(server.getScheme())) {
            return "plain";
        }
        return trust.lastProblem().map(ServerTrust.Problem::code).orElse("verified");
    }

    /** What this run of the app has done, as it reports it to the server (answer times absent until there are some). */
    static JsonObject work(com.alpha01.protocol.Frame.Report r) {
        JsonObjectBuilder o = JSON.createObjectBuilder().add("aiAnswers", r.aiAnswers()).add("staffAnswers", r.staffAnswers())
                .add("handOffs", r.handOffs()).add("modelErrors", r.modelErrors()).add("automationRuns", r.automationRuns())
                .add("automationFailures", r.automationFailures());
        if (r.aiAnswerP50Ms() >= 0) {
            o.add("aiAnswerP50Ms", r.aiAnswerP50Ms()).add("aiAnswerP90Ms", r.aiAnswerP90Ms());
        }
        return o.build();
    }

    /** Tokens the assistant used today, and its daily limit. */
    static JsonObject tokens(LocalAi ai) {
        DailyUsage usage = ai.usage();
        return JSON.createObjectBuilder().add("used", usage.tokens()).add("limit", usage.limit()).build();
    }
}
