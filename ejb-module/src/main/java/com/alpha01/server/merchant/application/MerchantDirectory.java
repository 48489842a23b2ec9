package com.alpha01.server.merchant.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.identity.infrastructure.KeycloakDirectory;
import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.merchant.domain.MerchantClient;
import com.alpha01.server.merchant.infrastructure.MerchantClientRepository;
import com.alpha01.server.merchant.infrastructure.MerchantRepository;
import com.alpha01.server.platform.error.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Finds merchants and their clients, and the merchant a staff member belongs to. A merchant is
 * known to the server from the first time one of its staff signs in, or from provisioning, or a
 * sync; its Keycloak group is the source of truth for its name and chain.
 */
@Stateless
public class MerchantDirectory {

    private static final Logger LOG = Logger.getLogger(MerchantDirectory.class);

    @Inject
    MerchantRepository merchants;

    @Inject
    MerchantClientRepository clients;

    @Inject
    KeycloakDirectory keycloak;

    /** The caller's merchant, created on first sight. 403 for a caller outside any merchant group. */
    public Merchant merchantOf(Caller staff) {
        String code = staff.merchantCode()
                .orElseThrow(() -> new DomainException(ErrorCode.FORBIDDEN, "the caller belongs to no merchant"));
        return findByCode(code).orElseGet(() -> {
            Merchant m = new Merchant(code, code, Instant.now());
            describeFromKeycloak(m);
            merchants.addNow(m);
            LOG.infof("Merchant %s (%s) seen for the first time", code, m.id());
            return m;
        });
    }

    /** The merchant's name and chain as its Keycloak group says now (unchanged when Keycloak cannot say). */
    public void refreshFromKeycloak(Merchant m) {
        describeFromKeycloak(m);
    }

    /** Name and chain from the merchant's Keycloak group; when Keycloak cannot say, the code stands in. */
    private void describeFromKeycloak(Merchant m) {
        try {
            keycloak.group(Caller.MERCHANT_GROUP_PREFIX + m.code()).ifPresent(g -> {
                m.describe(g.attribute("displayName").orElse(null), g.attribute("chain").orElse(null));
                m.locateIn(g.attribute("timeZone").orElse(null));
            });
        } catch (DomainException e) {
            LOG.debugf("Merchant %s: no details from Keycloak (%s)", m.code(), e.getMessage());
        }
    }

    /**
     * Brings the merchants of Keycloak's {@code /merchants} group into the database (new ones
     * created, names and chains updated), so a chain's stores are known before their staff sign in.
     */
    public void syncFromKeycloak() {
        Instant now = Instant.now();
        for (KeycloakDirectory.Group g : keycloak.children("/merchants")) {
            Merchant m = findByCode(g.code()).orElseGet(() -> {
                Merchant created = new Merchant(g.code(), g.code(), now);
                merchants.add(created);
                return created;
            });
            m.describe(g.attribute("displayName").orElse(null), g.attribute("chain").orElse(null));
            m.locateIn(g.attribute("timeZone").orElse(null));
        }
    }

    /** The merchants of a chain, by name. */
    public List<Merchant> ofChain(String chainCode) {
        return merchants.ofChain(chainCode);
    }

    /** Every merchant the server knows, by name. */
    public List<Merchant> all() {
        return merchants.all();
    }

    public Optional<Merchant> findByCode(String code) {
        return merchants.findByCode(code);
    }

    public Optional<Merchant> find(UUID merchantId) {
        return merchants.find(merchantId);
    }

    public Optional<MerchantClient> findClient(UUID clientId) {
        return clients.find(clientId);
    }

    /** The client with that id, if it belongs to the caller's merchant; otherwise 404 (no hint that it exists elsewhere). */
    public MerchantClient clientOf(Caller staff, UUID clientId) {
        Merchant merchant = merchantOf(staff);
        return findClient(clientId)
                .filter(c -> c.merchant().id().equals(merchant.id()))
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such client"));
    }

    public List<MerchantClient> clients(UUID merchantId) {
        return clients.ofMerchant(merchantId);
    }
}
