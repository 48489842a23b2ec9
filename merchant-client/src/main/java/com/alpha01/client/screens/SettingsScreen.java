package com.alpha01.client.screens;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.answering.LocalAi;
import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.bridge.BridgeException;
import com.alpha01.client.link.ServerApi;
import com.alpha01.client.session.Connection;
import com.alpha01.client.session.StaffSession;
import com.alpha01.client.settings.AppSettings;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreExport;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The 设置 screen's requests: the settings (the key shown by its last 4 characters), saving them, the language,
 * and the shop's welcome line (on the server: {@code settings.welcomeLine}, {@code settings.saveWelcomeLine}).
 */
public final class SettingsScreen {

    private static final Logger LOG = Logger.getLogger(SettingsScreen.class);

    private final AppSettings settings;
    private final LocalAi ai;
    private final StaffSession sessions;
    private final EncryptedStore store;
    private final Path home;

    public SettingsScreen(AppSettings settings, LocalAi ai, StaffSession sessions, EncryptedStore store, Path home) {
        this.settings = settings;
        this.ai = ai;
        this.sessions = sessions;
        this.store = store;
        this.home = home;
    }

    public void register(Bridge bridge) {
        bridge.on("setLanguage", r -> save(JSON.createObjectBuilder().add("language", r.getString("lang", "")).build()));
        bridge.on("settings.get", r -> JSON.createObjectBuilder(settings.forUi(sessions.connection()
                .map(Connection::account).orElse(""))).add("tokensToday", StatusScreen.tokens(ai))
                .add("exportPath", home.resolve("alpha01-" + java.time.LocalDate.now() + ".a01x").toString()).build());
        // 备份与迁移: the store in one passphrase-sealed file, and back (the app reloads it on its next start).
        bridge.on("store.export", r -> transfer(r, true));
        bridge.on("store.import", r -> transfer(r, false));
        bridge.on("settings.save", this::save);
        // The shop's welcome line lives on the server (merchant admins may change it).
        bridge.on("settings.welcomeLine", r -> Requests.server(() -> api().welcomeLine()));
        bridge.on("settings.saveWelcomeLine", r -> Requests.server(() -> api().setWelcomeLine(
                r.getString("welcomeLine", null))));
    }

    private ServerApi api() throws BridgeException {
        return sessions.connection().map(Connection::api)
                .orElseThrow(() -> new BridgeException("OFFLINE", "sign in and connect to change the welcome line"));
    }

    private JsonObject transfer(JsonObject r, boolean export) throws BridgeException {
        String path = r.getString("path", "").strip();
        char[] passphrase = r.getString("passphrase", "").toCharArray();
        if (path.isEmpty()) {
            throw new BridgeException("NO_FILE", "a file path is needed");
        }
        Path file = Path.of(path).toAbsolutePath();
        try {
            int records = export ? StoreExport.export(store, file, passphrase) : StoreExport.importInto(store, file, passphrase);
            LOG.infof("%s %d records %s %s", export ? "Exported" : "Imported", records, export ? "to" : "from", file);
            return JSON.createObjectBuilder().add("records", records).add("path", file.toString()).build();
        } catch (StoreExport.ExportException e) {
            LOG.infof("%s of %s refused: %s", export ? "Export" : "Import", file, e.code());
            throw new BridgeException(e.code(), e.getMessage());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BridgeException("NO_FILE", "no such file: " + file);
        } catch (IOException e) {
            throw new BridgeException("STORE_FAILED", (export ? "export" : "import") + " failed: " + e.getMessage());
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
    }

    /** Saves what the screen sent; the assistant is rebuilt with it. */
    private JsonObject save(JsonObject r) throws BridgeException {
        try {
            boolean restart = settings.save(r);
            ai.rebuild();
            return JSON.createObjectBuilder().add("restartNeeded", restart).build();
        } catch (AppSettings.InvalidSetting e) {
            throw new BridgeException("BAD_SETTING", e.getMessage());
        } catch (IOException e) {
            throw new BridgeException("STORE_FAILED", "the settings could not be saved");
        }
    }
}
