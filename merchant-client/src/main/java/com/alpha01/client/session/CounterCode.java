package com.alpha01.client.session;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.link.ServerApi;
import com.alpha01.client.store.EncryptedStore;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The QR code on the shop's counter: created once, kept (its URL holds the token) in the encrypted
 * local store, and reused on every start while the server says it is active, so a printed code
 * keeps working. Revoked, expired or used up, a new one replaces it.
 */
public final class CounterCode {

    private static final Logger LOG = Logger.getLogger(CounterCode.class);
    public static final String RECORD = "qr.counter";

    private CounterCode() {
    }

    public static ServerApi.QrCode of(ServerApi api, EncryptedStore store, String clientId)
            throws IOException, InterruptedException {
        Optional<JsonObject> saved = store.getString(RECORD)
                .map(s -> JSON.createReader(new StringReader(s)).readObject())
                .filter(o -> clientId.equals(o.getString("clientId", "")));
        if (saved.isPresent()) {
            String id = saved.get().getString("id");
            String url = saved.get().getString("url");
            try {
                if ("ACTIVE".equals(api.qr(id).getString("status"))) {
                    return new ServerApi.QrCode(id, url, api.renderQr(url, "png"));
                }
                LOG.info("The saved counter code is no longer active; making a new one");
            } catch (ServerApi.ApiException e) {
                LOG.infof("The saved counter code is not usable (%d %s); making a new one", e.status(), e.error());
            }
        }
        ServerApi.QrCode fresh = api.createQr(clientId, "counter", "counter", null, null);
        store.putString(RECORD, JSON.createObjectBuilder().add("id", fresh.id()).add("url", fresh.url())
                .add("clientId", clientId).build().toString());
        return fresh;
    }
}
