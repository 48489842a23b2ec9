package com.alpha01.client.screens;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.answering.LocalAi;
import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.bridge.BridgeException;
import com.alpha01.client.link.ServerApi;
import com.alpha01.client.session.Connection;
import com.alpha01.client.session.StaffSession;
import com.alpha01.client.settings.AppSettings;
import jakarta.json.JsonObject;
import java.io.IOException;

/**
 * The 设置 screen's requests: the settings (the key shown by its last 4 characters), saving them, the language,
 * and the shop's welcome line (on the server: {@code settings.welcomeLine}, {@code settings.saveWelcomeLine}).
 */
public final class SettingsScreen {

    private final AppSettings settings;
    private final LocalAi ai;
    private final StaffSession sessions;

    public SettingsScreen(AppSettings settings, LocalAi ai, StaffSession sessions) {
        this.settings = settings;
        this.ai = ai;
        this.sessions = sessions;
    }

    public void register(Bridge bridge) {
        bridge.on("setLanguage", r -> save(JSON.createObjectBuilder().add("language", r.getString("lang", "")).build()));
        bridge.on("settings.get", r -> JSON.createObjectBuilder(settings.forUi(sessions.connection()
                .map(Connection::account).orElse(""))).add("tokensToday", StatusScreen.tokens(ai)).build());
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
