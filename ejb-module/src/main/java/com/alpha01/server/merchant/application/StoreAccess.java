package com.alpha01.server.merchant.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.platform.error.DomainException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Which shops a caller may act on (issue 17's console and figures): staff and merchant admins their own,
 * chain admins the stores of their chain, platform admins any. Any other shop is "not found", word for word as
 * an unknown code (no hint that it exists). Outside a transaction: a store list Keycloak cannot refresh leaves
 * the ones already known usable.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StoreAccess {

    private static final Logger LOG = Logger.getLogger(StoreAccess.class);

    @Inject
    MerchantDirectory directory;

    /** {@code code} null or blank: the caller's own shop. */
    public Merchant visibleShop(Caller caller, String code) {
        if (code == null || code.isBlank()) {
            return directory.merchantOf(caller);
        }
        Merchant m = directory.findByCode(code).or(() -> {
            syncStores(); // a store Keycloak knows whose staff never signed in yet
            return directory.findByCode(code);
        }).orElseThrow(StoreAccess::noSuchShop);
        boolean own = caller.merchantCode().filter(code::equals).isPresent();
        boolean ofChain = m.chainCode() != null && caller.hasRole("chain-admin")
                && caller.chainCode().filter(m.chainCode()::equals).isPresent();
        if (own || ofChain || caller.hasRole("platform-admin")) {
            return m;
        }
        throw noSuchShop();
    }

    /** The shop an admin may manage (its codes, its staff): as {@link #visibleShop}, but staff without admin rights are refused. */
    public Merchant managedShop(Caller caller, String code) {
        if (!caller.hasRole("merchant-admin") && !caller.hasRole("chain-admin") && !caller.hasRole("platform-admin")) {
            throw new DomainException(ErrorCode.FORBIDDEN, "managing a store is for its admins");
        }
        Merchant m = visibleShop(caller, code);
        boolean ownAsAdmin = caller.hasRole("merchant-admin") && caller.merchantCode().filter(m.code()::equals).isPresent();
        if (ownAsAdmin || caller.hasRole("chain-admin") || caller.hasRole("platform-admin")) {
            return m;
        }
        throw noSuchShop();
    }

    /** The shops of the caller's chain (a chain admin), after bringing in the ones Keycloak knows. */
    public List<Merchant> chainShops(Caller chainAdmin) {
        return chainShops(chainAdmin, true);
    }

    /** The same; {@code sync} false: the shops the server knows already, without asking Keycloak. */
    public List<Merchant> chainShops(Caller chainAdmin, boolean sync) {
        String chain = chainAdmin.chainCode()
                .orElseThrow(() -> new DomainException(ErrorCode.FORBIDDEN, "the caller manages no chain"));
        if (sync) {
            syncStores();
        }
        return directory.ofChain(chain);
    }

    /** Brings the stores Keycloak knows into the database; without Keycloak, the ones known already serve. */
    public void syncStores() {
        try {
            directory.syncFromKeycloak();
        } catch (DomainException e) {
            LOG.debugf("Stores not synchronised from Keycloak: %s", e.getMessage());
        }
    }

    static DomainException noSuchShop() {
        return new DomainException(ErrorCode.NOT_FOUND, "no such shop");
    }
}
