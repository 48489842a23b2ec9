package com.alpha01.client.ui;

import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.link.ServerApi;
import com.alpha01.client.session.Connection;
import com.alpha01.client.session.CounterCode;
import com.alpha01.client.session.QrFile;
import com.alpha01.client.settings.ClientSettings;
import com.alpha01.client.store.EncryptedStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import org.jboss.logging.Logger;

/** The counter's QR code on 总览 once connected (and in {@code ALPHA01_QR_FILE} for scripts). */
public final class CounterQr {

    private static final Logger LOG = Logger.getLogger(CounterQr.class);

    private final Bridge bridge;
    private final UiState ui;
    private final EncryptedStore store;
    private final ClientSettings boot;

    public CounterQr(Bridge bridge, UiState ui, EncryptedStore store, ClientSettings boot) {
        this.bridge = bridge;
        this.ui = ui;
        this.store = store;
        this.boot = boot;
    }

    public void show(Connection c) {
        try {
            ServerApi.QrCode qr = CounterCode.of(c.api(), store, c.registration().clientId());
            bridge.emit("qr", ui.qr(qr.url(), "data:image/png;base64," + Base64.getEncoder().encodeToString(qr.png())));
            boot.get("qr.file").ifPresent(file -> QrFile.write(Path.of(file), qr));
        } catch (IOException e) {
            LOG.warnf("Could not get the counter QR code: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
