package com.alpha01.client.settings;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.store.EncryptedStore;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The settings staff edit in the app (设置), kept in the encrypted store (record {@value #RECORD}):
 * server URL, device name, capacity, language and the ZhipuAI model, base URL and key. The key
 * never leaves this class except to the AI client; the UI sees only its last four characters.
 * Unset values fall back to {@link ClientSettings} (environment, then {@code client.properties}).
 */
public final class AppSettings {

    static final String RECORD = "settings";
    public static final String DEFAULT_MODEL = "glm-4-flash";
    public static final String DEFAULT_AI_URL = "https://open.bigmodel.cn/api/paas/v4/";
    private static final Set<String> LANGUAGES = Set.of("zh-CN", "en");
    private static final Set<String> GLASS = Set.of("auto", "blur", "flat");
    /** Changing these needs a restart: the link and registration use them at start. */
    private static final Set<String> AT_START = Set.of("serverUrl", "deviceName", "capacity");

    private final EncryptedStore store;
    private final ClientSettings fallback;
    private JsonObject values;

    /** Invalid settings from the UI; {@code field} names the input. */
    public static final class InvalidSetting extends IllegalArgumentException {
        private final String field;

        InvalidSetting(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public AppSettings(EncryptedStore store, ClientSettings fallback) throws IOException {
        this.store = store;
        this.fallback = fallback;
        this.values = store.getString(RECORD).map(s -> JSON.createReader(new StringReader(s)).readObject())
                .orElse(JsonObject.EMPTY_JSON_OBJECT);
    }

    public synchronized List<URI> serverUrls() {
        return string("serverUrl").map(ClientSettings::parseUrls).orElseGet(fallback::serverUrls);
    }

    public synchronized String deviceName() {
        return string("deviceName").orElseGet(() -> fallback.get("client.name").orElse("前台电脑"));
    }

    public synchronized Optional<Integer> capacity() {
        return values.get("capacity") instanceof JsonNumber n ? Optional.of(n.intValue()) : Optional.empty();
    }

    /**
     * The window's glass look, {@code ui.glass}: {@code blur}, {@code flat} (no blur: cheap without a GPU) or
     * {@code auto} (the default: the page picks flat when Chromium draws without a GPU).
     */
    public String glass() {
        return fallback.get("ui.glass").filter(GLASS::contains).orElse("auto");
    }

    public synchronized String language() {
        return string("language").orElse("zh-CN");
    }

    public synchronized String zhipuModel() {
        return string("zhipuModel").orElseGet(() -> fallback.get("zhipu.model").orElse(DEFAULT_MODEL));
    }

    public synchronized String zhipuBaseUrl() {
        return string("zhipuBaseUrl").orElseGet(() -> fallback.get("zhipu.base.url").orElse(DEFAULT_AI_URL));
    }

    /** The ZhipuAI key: the one saved in the app, else {@code ALPHA01_ZHIPU_API_KEY}. */
    public synchronized Optional<String> zhipuKey() {
        return string("zhipuKey").or(() -> fallback.get("zhipu.api.key"));
    }

    /** Tokens the assistant may spend a day (ZhipuAI bills by token); then it answers from the knowledge base. */
    public synchronized long dailyTokenBudget() {
        return values.get("dailyTokens") instanceof JsonNumber n ? n.longValue() : 200_000L;
    }

    /** How the assistant writes (亲切、简洁…). */
    public synchronized String shopTone() {
        return string("shopTone").orElse("");
    }

    /** Facts the assistant may state, one per line of the settings field. */
    public synchronized List<String> shopFacts() {
        return string("shopFacts").map(s -> s.lines().map(String::strip).filter(l -> !l.isEmpty()).toList())
                .orElse(List.of());
    }

    /** The CSV of orders (order number, status, updated) the order-status tool reads. */
    public synchronized Optional<String> ordersCsv() {
        return string("ordersCsv");
    }

    /** What the settings screen shows: everything but the key, of which only the last 4 characters. */
    public synchronized JsonObject forUi(String account) {
        JsonObjectBuilder o = JSON.createObjectBuilder()
                .add("serverUrl", String.join(",", serverUrls().stream().map(URI::toString).toList()))
                .add("deviceName", deviceName()).add("language", language())
                .add("zhipuModel", zhipuModel()).add("zhipuBaseUrl", zhipuBaseUrl())
                .add("zhipuKeySet", zhipuKey().isPresent()).add("account", account == null ? "" : account);
        zhipuKey().ifPresent(k -> o.add("zhipuKeyHint", k.length() <= 4 ? "****" : k.substring(k.length() - 4)));
        capacity().ifPresentOrElse(c -> o.add("capacity", c), () -> o.addNull("capacity"));
        o.add("dailyTokens", dailyTokenBudget()).add("shopTone", shopTone())
                .add("shopFacts", String.join("\n", shopFacts())).add("ordersCsv", ordersCsv().orElse(""));
        return o.build();
    }

    /**
     * Validates and saves what the settings screen sent; an absent or empty {@code zhipuKey} keeps
     * the saved key. Returns whether a restart is needed for the change to apply.
     */
    public synchronized boolean save(JsonObject in) throws IOException {
        JsonObjectBuilder next = JSON.createObjectBuilder(values);
        String server = text(in, "serverUrl", 500);
        if (server != null) {
            try {
                if (ClientSettings.parseUrls(server).isEmpty()) {
                    throw new InvalidSetting("serverUrl", "no server URL");
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidSetting("serverUrl", "server URL must be http(s)://host[:port], comma-separated");
            }
            next.add("serverUrl", server);
        }
        String device = text(in, "deviceName", 60);
        if (device != null) {
            next.add("deviceName", device);
        }
        if (in.get("capacity") instanceof JsonNumber n) {
            if (!n.isIntegral() || n.intValue() < 1 || n.intValue() > 500) {
                throw new InvalidSetting("capacity", "capacity must be 1-500");
            }
            next.add("capacity", n.intValue());
        } else if (in.containsKey("capacity") && in.get("capacity") == JsonValue.NULL) {
            next.remove("capacity");
        }
        String lang = text(in, "language", 10);
        if (lang != null) {
            if (!LANGUAGES.contains(lang)) {
                throw new InvalidSetting("language", "language must be zh-CN or en");
            }
            next.add("language", lang);
        }
        String model = text(in, "zhipuModel", 60);
        if (model != null) {
            if (!model.matches("[A-Za-z0-9._-]+")) {
                throw new InvalidSetting("zhipuModel", "unknown model name");
            }
            next.add("zhipuModel", model);
        }
        String aiUrl = text(in, "zhipuBaseUrl", 500);
        if (aiUrl != null) {
            if (!aiUrl.matches("https?://[^\\s]+")) {
                throw new InvalidSetting("zhipuBaseUrl", "the API base URL must start with http:// or https://");
            }
            next.add("zhipuBaseUrl", aiUrl);
        }
        if (in.get("dailyTokens") instanceof JsonNumber n) {
            if (!n.isIntegral() || n.longValue() < 0 || n.longValue() > 100_000_000L) {
                throw new InvalidSetting("dailyTokens", "the daily token budget must be 0-100000000");
            }
            next.add("dailyTokens", n.longValue());
        }
        String tone = text(in, "shopTone", 100);
        if (tone != null) {
            next.add("shopTone", tone);
        }
        if (in.get("shopFacts") instanceof JsonString facts) {
            if (facts.getString().length() > 4000) {
                throw new InvalidSetting("shopFacts", "the shop facts are longer than 4000 characters");
            }
            next.add("shopFacts", facts.getString().strip());
        }
        if (in.get("ordersCsv") instanceof JsonString csv) {
            if (csv.getString().length() > 500) {
                throw new InvalidSetting("ordersCsv", "the path is too long");
            }
            next.add("ordersCsv", csv.getString().strip());
        }
        String key = text(in, "zhipuKey", 200);
        if (key != null) {
            next.add("zhipuKey", key);
        }
        JsonObject saved = next.build();
        boolean restart = AT_START.stream().anyMatch(k -> !Objects.equals(values.get(k), saved.get(k)));
        store.putString(RECORD, saved.toString());
        values = saved;
        return restart;
    }

    private Optional<String> string(String key) {
        return values.get(key) instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString())
                : Optional.empty();
    }

    /** A trimmed text field, null when absent or empty; too long is refused. */
    private static String text(JsonObject in, String key, int max) {
        if (!(in.get(key) instanceof JsonString s) || s.getString().isBlank()) {
            return null;
        }
        String v = s.getString().strip();
        if (v.length() > max) {
            throw new InvalidSetting(key, key + " is longer than " + max + " characters");
        }
        return v;
    }
}
