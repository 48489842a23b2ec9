package com.alpha01.client.app;

import com.alpha01.client.automation.BusinessHours;
import com.alpha01.client.automation.Rule;
import com.alpha01.client.bridge.BridgeException;
import com.alpha01.client.link.LinkState;
import com.alpha01.client.link.ServerApi;
import com.alpha01.client.link.ServerLink;
import com.alpha01.protocol.Frame;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Base64;
import java.util.Locale;

import java.util.regex.Pattern;

/**
 * What the page may ask Java ({@code request(type, payload)} in {@code bridge.js}), one handler per
 * type. Each validates its payload and answers with JSON or a {@link BridgeException} whose code
 * the UI shows: {@code BAD_REQUEST}, {@code OFFLINE}, {@code SIGNED_OUT}, {@code SERVER_ERROR}.
 */
final class BridgeHandlers {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F-]{36}");
    /** URLs of the codes made in this app (the server keeps only a hash of each token). */
    static final String QR_URLS = "qr.urls";

    private final MerchantApp app;

    BridgeHandlers(MerchantApp app) {
        this.app = app;
    }

    void register() {
        var bridge = app.bridge;
        bridge.on("ready", r -> {
            JsonObjectBuilder snapshot = Json.createObjectBuilder(app.ui.snapshot()).add("lang", app.settings.language());
            JsonObject stats = app.currentStats();
            if (stats != null) {
                snapshot.add("stats", stats);
            }
            return snapshot.build();
        });
        bridge.on("reply", this::reply);
        bridge.on("read", r -> {
            long seq = r.get("seq") instanceof JsonNumber n ? n.longValue() : 0;
            if (seq < 1) {
                throw new BridgeException("BAD_REQUEST", "read needs a conversationId and a seq");
            }
            ServerLink link = link();
            link.read(conversation(r), seq);
            return Json.createObjectBuilder().add("sent", link.state() == LinkState.ONLINE).build();
        });
        bridge.on("typing", r -> {
            ServerLink link = app.link();
            if (link != null && link.state() == LinkState.ONLINE) {
                link.typing(conversation(r), r.getBoolean("typing", false));
            }
            return JsonValue.EMPTY_JSON_OBJECT;
        });
        for (Frame.Action action : Frame.Action.values()) {
            bridge.on(action.name().toLowerCase(Locale.ROOT), r -> {
                String conversationId = conversation(r);
                try {
                    link().control(action, conversationId);
                } catch (IllegalStateException offline) {
                    throw new BridgeException("OFFLINE", "not connected to the server");
                }
                return Json.createObjectBuilder().add("sent", true).build();
            });
        }
        bridge.on("setLanguage", r -> saveSettings(Json.createObjectBuilder().add("language", r.getString("lang", "")).build()));
        bridge.on("settings.get", r -> Json.createObjectBuilder(app.settings.forUi(account()))
                .add("tokensToday", tokens(app)).build());
        bridge.on("settings.save", this::saveSettings);
        bridge.on("system.status", r -> system(app));
        new KnowledgeHandlers(app).register(bridge);
        bridge.on("qr.list", r -> qrList());
        bridge.on("qr.create", this::qrCreate);
        bridge.on("qr.revoke", r -> server(() -> connection().api().revokeQr(id(r))));
        bridge.on("qr.image", r -> {
            String url = qrUrls().getString(id(r), null);
            if (url == null) {
                throw new BridgeException("NOT_FOUND", "this code was made elsewhere; re-issue it to print it here");
            }
            byte[] png = server(() -> connection().api().renderQr(url, "png"));
            return Json.createObjectBuilder().add("png", "data:image/png;base64," + Base64.getEncoder().encodeToString(png))
                    .build();
        });
        bridge.on("followups.list", r -> followUps());
        bridge.on("followups.done", r -> {
            if (!app.ai.followUpDone(r.getString("id", ""))) {
                throw new BridgeException("NOT_FOUND", "no such task");
            }
            return followUps();
        });
        bridge.on("automation.get", r -> automation());
        bridge.on("automation.save", r -> {
            try {
                app.automation.save(Rule.fromJson(r.getJsonObject("rule")));
            } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
                throw new BridgeException("BAD_RULE", e.getMessage() == null ? "the rule is incomplete" : e.getMessage());
            }
            return automation();
        });
        bridge.on("automation.delete", r -> {
            app.automation.delete(r.getString("id", ""));
            return automation();
        });
        bridge.on("automation.enable", r -> {
            if (!app.automation.setEnabled(r.getString("id", ""), r.getBoolean("enabled", false))) {
                throw new BridgeException("NOT_FOUND", "no such rule");
            }
            return automation();
        });
        bridge.on("automation.hours", r -> {
            try {
                app.automation.setHours(new BusinessHours(LocalTime.parse(r.getString("open", "")),
                        LocalTime.parse(r.getString("close", ""))));
            } catch (RuntimeException e) {
                throw new BridgeException("BAD_HOURS", "opening and closing times as HH:mm, and different");
            }
            return automation();
        });
        bridge.on("signIn", r -> {
            try {
                app.signIn();
            } catch (IOException | IllegalStateException e) {
                throw new BridgeException("SIGN_IN_FAILED", "the sign-in page could not be opened");
            }
            return JsonValue.EMPTY_JSON_OBJECT;
        });
        bridge.on("signOut", r -> {
            app.signOut();
            return JsonValue.EMPTY_JSON_OBJECT;
        });
    }

    private JsonObject reply(JsonObject r) throws BridgeException {
        String conversationId = conversation(r);
        String text = r.getString("text", "").strip();
        if (text.isEmpty() || text.length() > Frame.MAX_TEXT_LENGTH) {
            throw new BridgeException("BAD_TEXT", "reply needs 1-4000 characters");
        }
        ServerLink link = link();
        Observer observer = new Observer(app);
        link.reply(conversationId, text, Frame.Sender.STAFF).thenAccept(ack -> observer.message(
                new Frame.Message(ack.id(), conversationId, ack.seq(), Frame.Sender.STAFF, text, Instant.now(), null,
                        null)));
        return Json.createObjectBuilder().add("queued", link.state() != LinkState.ONLINE).build();
    }

    private JsonObject saveSettings(JsonObject r) throws BridgeException {
        try {
            boolean restart = app.settings.save(r);
            app.ai.rebuild();
            return Json.createObjectBuilder().add("restartNeeded", restart).build();
        } catch (AppSettings.InvalidSetting e) {
            throw new BridgeException("BAD_SETTING", e.getMessage());
        } catch (IOException e) {
            throw new BridgeException("STORE_FAILED", "the settings could not be saved");
        }
    }

    private JsonObject qrList() throws BridgeException {
        JsonObject urls = qrUrls();
        JsonArrayBuilder codes = Json.createArrayBuilder();
        for (JsonValue v : server(() -> connection().api().listQr())) {
            JsonObject code = v.asJsonObject();
            String url = urls.getString(code.getString("id"), null);
            codes.add(url == null ? code : Json.createObjectBuilder(code).add("url", url).build());
        }
        return Json.createObjectBuilder().add("codes", codes).build();
    }

    private JsonObject qrCreate(JsonObject r) throws BridgeException {
        String label = r.getString("label", "").strip();
        String scene = r.getString("scene", "").strip();
        Long validFor = r.get("validForDays") instanceof JsonNumber n ? n.longValue() * 86_400 : null;
        Integer maxUses = r.get("maxUses") instanceof JsonNumber n ? n.intValue() : null;
        if (label.length() > 80 || scene.length() > 40 || (validFor != null && validFor <= 0)
                || (maxUses != null && maxUses <= 0)) {
            throw new BridgeException("BAD_REQUEST", "label ≤ 80, scene ≤ 40 characters; validity and use limit positive");
        }
        ServerApi.QrCode code = server(() -> connection().api().createQr(null, label.isEmpty() ? null : label,
                scene.isEmpty() ? null : scene, validFor, maxUses));
        try {
            app.store.putString(QR_URLS, Json.createObjectBuilder(qrUrls()).add(code.id(), code.url()).build().toString());
        } catch (IOException e) {
            throw new BridgeException("STORE_FAILED", "the code was made but could not be kept for printing");
        }
        return Json.createObjectBuilder().add("id", code.id()).add("url", code.url()).build();
    }

    private JsonObject qrUrls() {
        try {
            JsonObject urls = app.store.getString(QR_URLS).map(s -> Json.createReader(new StringReader(s)).readObject())
                    .orElse(JsonValue.EMPTY_JSON_OBJECT);
            var counter = app.store.getString(CounterCode.RECORD).map(s -> Json.createReader(new StringReader(s)).readObject());
            return counter.map(o -> Json.createObjectBuilder(urls).add(o.getString("id"), o.getString("url")).build())
                    .orElse(urls);
        } catch (IOException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private JsonObject followUps() {
        JsonArrayBuilder tasks = Json.createArrayBuilder();
        app.ai.followUps().forEach(t -> tasks.add(Json.createObjectBuilder().add("id", t.id())
                .add("conversationId", t.conversationId() == null ? "" : t.conversationId())
                .add("customer", t.conversationId() == null ? "" : app.ui.customerOf(t.conversationId()))
                .add("summary", t.summary()).add("createdAt", t.createdAt().toString())));
        return Json.createObjectBuilder().add("tasks", tasks).build();
    }

    private JsonObject automation() {
        JsonArrayBuilder rules = Json.createArrayBuilder();
        app.automation.rules().forEach(rule -> rules.add(rule.toJson()));
        JsonArrayBuilder log = Json.createArrayBuilder();
        app.automation.log().stream().limit(100).forEach(e -> log.add(e.toJson()));
        BusinessHours hours = app.automation.hours();
        return Json.createObjectBuilder().add("rules", rules).add("log", log)
                .add("hours", Json.createObjectBuilder().add("open", hours.open().toString())
                        .add("close", hours.close().toString())).build();
    }

    static JsonObject system(MerchantApp app) {
        ServerLink link = app.link();
        SystemMonitor.Figures f = app.monitor.sample();
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("state", app.ui.status().getString("state", "signed-out"))
                .add("server", link == null ? app.settings.serverUrls().get(0).toString() : link.currentServer().toString())
                .add("outbox", link == null ? 0 : link.outboxSize()).add("storeKey", app.store.keyKind())
                .add("memory", Json.createObjectBuilder().add("appMb", f.appMb()).add("totalMb", f.totalMb()))
                .add("uptimeSeconds", f.uptimeSeconds()).add("version", MerchantApp.VERSION)
                .add("chromium", app.chromium()).add("update", app.update.toJson()).add("tokens", tokens(app));
        if (f.cpuPercent() >= 0) {
            o.add("cpuPercent", Math.round(f.cpuPercent() * 10) / 10.0);
        }
        if (link != null && link.rttMillis() >= 0) {
            o.add("rttMs", link.rttMillis());
        }
        return o.build();
    }

    private static JsonObject tokens(MerchantApp app) {
        com.alpha01.client.ai.DailyUsage usage = app.ai.usage();
        return Json.createObjectBuilder().add("used", usage.tokens()).add("limit", usage.limit()).build();
    }

    private String account() {
        MerchantApp.Connection c = app.connection;
        if (c == null) {
            return "";
        }
        JsonObject claims = c.session().claims();
        String user = claims.getString("preferred_username", "");
        String name = c.registration().staffName();
        return name.isBlank() || name.equals(user) ? user : name + " (" + user + ")";
    }

    /** The link: replies and receipts go through it, queued while it is offline. */
    private ServerLink link() throws BridgeException {
        ServerLink link = app.link();
        if (link == null) {
            throw new BridgeException("SIGNED_OUT", "sign in first");
        }
        return link;
    }

    private MerchantApp.Connection connection() throws BridgeException {
        MerchantApp.Connection c = app.connection;
        if (c == null) {
            String state = app.ui.status().getString("state", "");
            throw "signed-out".equals(state) ? new BridgeException("SIGNED_OUT", "sign in first")
                    : new BridgeException("OFFLINE", "not connected to the server yet");
        }
        return c;
    }

    private static String conversation(JsonObject r) throws BridgeException {
        String id = r.getString("conversationId", "");
        if (!UUID.matcher(id).matches()) {
            throw new BridgeException("BAD_REQUEST", "conversationId must be a conversation id");
        }
        return id;
    }

    private static String id(JsonObject r) throws BridgeException {
        String id = r.getString("id", "");
        if (!UUID.matcher(id).matches()) {
            throw new BridgeException("BAD_REQUEST", "id must be a QR code id");
        }
        return id;
    }

    @FunctionalInterface
    private interface ServerCall<T> {
        T call() throws IOException, InterruptedException, BridgeException;
    }

    /** A REST call: offline and server errors become the codes the UI knows. */
    private static <T> T server(ServerCall<T> call) throws BridgeException {
        try {
            return call.call();
        } catch (ServerApi.ApiException e) {
            throw new BridgeException(e.error(), e.getMessage());
        } catch (IOException e) {
            throw new BridgeException("OFFLINE", "the server cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BridgeException("OFFLINE", "interrupted");
        }
    }

}
