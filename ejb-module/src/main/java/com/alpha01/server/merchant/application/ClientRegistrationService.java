package com.alpha01.server.merchant.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.merchant.domain.MerchantClient;
import com.alpha01.server.merchant.infrastructure.MerchantClientRepository;
import com.alpha01.server.platform.config.ServerConfig;
import com.alpha01.server.platform.error.DomainException;
import com.alpha01.server.platform.privacy.Masking;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Registers a merchant client (DESIGN.md flow 1). Idempotent per merchant and device ID; each
 * registration replaces what the device said about itself before, its capacity included.
 */
@Stateless
public class ClientRegistrationService {

    private static final Logger LOG = Logger.getLogger(ClientRegistrationService.class);
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    /** The most open conversations a client may ask for; the server's own cap still applies. */
    public static final int MAX_CAPACITY = 500;

    /**
     * A registration as the client is told it: its id, its merchant, and the open conversations it
     * takes now (its own cap within the server's).
     */
    public record Registered(UUID clientId, UUID merchantId, String merchantCode, String merchantName, int capacity) {
    }

    @Inject
    MerchantClientRepository clients;

    @Inject
    MerchantDirectory directory;

    /** {@code capacity}: the client's own cap on open conversations, 1 to {@link #MAX_CAPACITY}; null for the server's. */
    public Registered register(Caller staff, String deviceId, String name, String version, Integer capacity) {
        if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
            throw new DomainException(ErrorCode.BAD_FRAME, "deviceId must be 8-100 characters of A-Z a-z 0-9 . _ : -");
        }
        if (capacity != null && (capacity < 1 || capacity > MAX_CAPACITY)) {
            throw new DomainException(ErrorCode.BAD_FRAME, "capacity must be 1-" + MAX_CAPACITY + " (or absent)");
        }
        String cleanName = clip(name == null || name.isBlank() ? "Merchant client" : name.strip(), 200);
        String cleanVersion = version == null ? null : clip(version.strip(), 50);
        Merchant merchant = directory.merchantOf(staff);
        directory.refreshFromKeycloak(merchant); // a client's start picks up a renamed shop or a new chain
        Instant now = Instant.now();
        MerchantClient client = clients.findByDevice(merchant.id(), deviceId).orElse(null);
        if (client == null) {
            client = new MerchantClient(merchant, deviceId, cleanName, cleanVersion, capacity, now);
            clients.add(client);
            LOG.infof("Client %s registered for merchant %s by %s (capacity %s)", client.id(), merchant.code(),
                    Masking.mask(staff.username()), capacity == null ? "default" : capacity);
        } else {
            client.reRegister(cleanName, cleanVersion, capacity, now);
            LOG.infof("Client %s registered again for merchant %s (capacity %s)", client.id(), merchant.code(),
                    capacity == null ? "default" : capacity);
        }
        return new Registered(client.id(), merchant.id(), merchant.code(), merchant.name(),
                client.capacityWithin(ServerConfig.clientCapacity()));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
