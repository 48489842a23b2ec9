package com.alpha01.client.session;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.link.ServerApi;
import com.alpha01.client.store.EncryptedStore;
import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * This device's last registration, kept in the encrypted store (record {@value #RECORD}): with it
 * the app knows its client id, shop and staff member before (or without) reaching the server.
 */
public final class RegistrationCache {

    private static final Logger LOG = Logger.getLogger(RegistrationCache.class);
    public static final String RECORD = "registration";

    private final EncryptedStore store;

    public RegistrationCache(EncryptedStore store) {
        this.store = store;
    }

    void save(ServerApi.Registration reg) {
        try {
            store.putString(RECORD, JSON.createObjectBuilder().add("clientId", reg.clientId())
                    .add("merchantId", reg.merchantId()).add("merchantCode", reg.merchantCode())
                    .add("merchantName", reg.merchantName()).add("staffName", reg.staffName()).build().toString());
        } catch (IOException e) {
            LOG.warnf("Could not keep the registration: %s", e.getMessage());
        }
    }

    Optional<ServerApi.Registration> load() throws IOException {
        return store.getString(RECORD).map(s -> JSON.createReader(new StringReader(s)).readObject())
                .map(o -> new ServerApi.Registration(o.getString("clientId"), o.getString("merchantId"),
                        o.getString("merchantCode"), o.getString("merchantName"), o.getString("staffName", "")));
    }

    /** The cached registration; none when there is none or it cannot be read. */
    public Optional<ServerApi.Registration> quietly() {
        try {
            return load();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
