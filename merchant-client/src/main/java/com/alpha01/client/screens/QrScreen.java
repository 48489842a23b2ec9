package com.alpha01.client.screens;

import static com.alpha01.protocol.Jsons.JSON;

import static com.alpha01.client.screens.Requests.connection;
import static com.alpha01.client.screens.Requests.id;
import static com.alpha01.client.screens.Requests.server;

import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.bridge.BridgeException;
import com.alpha01.client.link.ServerApi;
import com.alpha01.client.session.CounterCode;
import com.alpha01.client.session.StaffSession;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.ui.UiState;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.util.Base64;

/**
 * The 二维码 screen's requests: list, make, revoke and print the shop's QR codes (from the server).
 * The server keeps only a hash of each code's token, so the URLs of the codes made in this app are
 * kept here (record {@value #QR_URLS}) to print them again.
 */
public final class QrScreen {

    /** URLs of the codes made in this app (the server keeps only a hash of each token). */
    static final String QR_URLS = "qr.urls";

    private final EncryptedStore store;
    private final StaffSession sessions;
    private final UiState ui;

    public QrScreen(EncryptedStore store, StaffSession sessions, UiState ui) {
        this.store = store;
        this.sessions = sessions;
        this.ui = ui;
    }

    public void register(Bridge bridge) {
        bridge.on("qr.list", r -> list());
        bridge.on("qr.create", this::create);
        bridge.on("qr.revoke", r -> server(() -> connection(sessions, ui).api().revokeQr(id(r))));
        bridge.on("qr.image", r -> {
            String url = urls().getString(id(r), null);
            if (url == null) {
                throw new BridgeException("NOT_FOUND", "this code was made elsewhere; re-issue it to print it here");
            }
            byte[] png = server(() -> connection(sessions, ui).api().renderQr(url, "png"));
            return JSON.createObjectBuilder().add("png", "data:image/png;base64," + Base64.getEncoder().encodeToString(png))
                    .build();
        });
    }

    private JsonObject list() throws BridgeException {
        JsonObject urls = urls();
        JsonArrayBuilder codes = JSON.createArrayBuilder();
        for (JsonValue v : server(() -> connection(sessions, ui).api().listQr())) {
            JsonObject code = v.asJsonObject();
            String url = urls.getString(code.getString("id"), null);
            codes.add(url == null ? code : JSON.createObjectBuilder(code).add("url", url).build());
        }
        return JSON.createObjectBuilder().add("codes", codes).build();
    }

    private JsonObject create(JsonObject r) throws BridgeException {
        String label = r.getString("label", "").strip();
        String scene = r.getString("scene", "").strip();
        Long validFor = r.get("validForDays") instanceof JsonNumber n ? n.longValue() * 86_400 : null;
        Integer maxUses = r.get("maxUses") instanceof JsonNumber n ? n.intValue() : null;
        if (label.length() > 80 || scene.length() > 40 || (validFor != null && validFor <= 0)
                || (maxUses != null && maxUses <= 0)) {
            throw new BridgeException("BAD_REQUEST", "label ≤ 80, scene ≤ 40 characters; validity and use limit positive");
        }
        ServerApi.QrCode code = server(() -> connection(sessions, ui).api().createQr(null, label.isEmpty() ? null : label,
                scene.isEmpty() ? null : scene, validFor, maxUses));
        try {
            store.putString(QR_URLS, JSON.createObjectBuilder(urls()).add(code.id(), code.url()).build().toString());
        } catch (IOException e) {
            throw new BridgeException("STORE_FAILED", "the code was made but could not be kept for printing");
        }
        return JSON.createObjectBuilder().add("id", code.id()).add("url", code.url()).build();
    }

    /** The URLs of the codes made here, and of the counter's code, by code id. */
    private JsonObject urls() {
        try {
            JsonObject urls = store.getString(QR_URLS).map(s -> JSON.createReader(new StringReader(s)).readObject())
                    .orElse(JsonValue.EMPTY_JSON_OBJECT);
            var counter = store.getString(CounterCode.RECORD).map(s -> JSON.createReader(new StringReader(s)).readObject());
            return counter.map(o -> JSON.createObjectBuilder(urls).add(o.getString("id"), o.getString("url")).build())
                    .orElse(urls);
        } catch (IOException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
