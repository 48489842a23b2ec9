package com.alpha01.server.merchant.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.merchant.domain.MerchantClient;
import com.alpha01.server.platform.DomainException;
import com.alpha01.server.platform.Masking;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/** Registers a merchant client (DESIGN.md flow 1). Idempotent per merchant and device ID. */
@Stateless
public class ClientRegistrationService {

    private static final Logger LOG = Logger.getLogger(ClientRegistrationService.class);
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    @PersistenceContext
    EntityManager em;

    @Inject
    MerchantDirectory directory;

    public MerchantClient register(Caller staff, String deviceId, String name, String version) {
        if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
            throw new DomainException(ErrorCode.BAD_FRAME, "deviceId must be 8-100 characters of A-Z a-z 0-9 . _ : -");
        }
        String cleanName = clip(name == null || name.isBlank() ? "Merchant client" : name.strip(), 200);
        String cleanVersion = version == null ? null : clip(version.strip(), 50);
        Merchant merchant = directory.merchantOf(staff);
        directory.refreshFromKeycloak(merchant); // a client's start picks up a renamed shop or a new chain
        Instant now = Instant.now();
        MerchantClient client = em.createQuery(
                        "select c from MerchantClient c where c.merchant.id = :m and c.deviceId = :d", MerchantClient.class)
                .setParameter("m", merchant.id()).setParameter("d", deviceId)
                .getResultStream().findFirst().orElse(null);
        if (client == null) {
            client = new MerchantClient(merchant, deviceId, cleanName, cleanVersion, now);
            em.persist(client);
            LOG.infof("Client %s registered for merchant %s by %s", client.id(), merchant.code(),
                    Masking.mask(staff.username()));
        } else {
            client.reRegister(cleanName, cleanVersion, now);
            LOG.infof("Client %s registered again for merchant %s", client.id(), merchant.code());
        }
        return client;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
