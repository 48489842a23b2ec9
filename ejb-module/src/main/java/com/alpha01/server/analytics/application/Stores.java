package com.alpha01.server.analytics.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.chat.domain.Presence;
import com.alpha01.server.chat.domain.ShopActivity;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.merchant.application.MerchantDirectory;
import com.alpha01.server.merchant.application.StoreAccess;
import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.merchant.domain.MerchantClient;
import com.alpha01.server.platform.config.ServerConfig;
import com.alpha01.server.platform.error.DomainException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The stores an admin runs, each with its live state (issue 17's console): merchant clients online,
 * conversations open and waiting for a client, and today's totals. A platform admin sees every shop, a chain
 * admin the stores of their chain, a merchant admin their own shop; anyone else is refused.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Stores {

    @Inject
    MerchantDirectory directory;

    @Inject
    Presence presence;

    @Inject
    ShopActivity activity;

    @Inject
    AnalyticsStore store;

    @Inject
    StoreAccess access;

    /**
     * @param clients        merchant clients registered to the shop
     * @param clientsOnline  of those, online now
     * @param open           conversations not closed
     * @param waiting        conversations waiting for a client (none of the shop's online with room)
     * @param today          today's totals, today in the server's zone (null: no conversation yet today)
     */
    public record StoreState(String code, String name, String chain, String zone, int clients, int clientsOnline,
                             long open, long waiting, Figures.Totals today) {
    }

    /** The caller's stores, after bringing in the ones Keycloak knows (a console opening). */
    public List<StoreState> visible(Caller caller) {
        return states(shopsOf(caller, true));
    }

    /**
     * The same from the stores already known, without asking Keycloak (the live push every few seconds: a new
     * store appears on the console's next opening). One query per store and figure: fine for a chain's stores,
     * a platform admin with hundreds of shops pays for it (docs/analytics.md).
     */
    public List<StoreState> visibleNow(Caller caller) {
        return states(shopsOf(caller, false));
    }

    private List<StoreState> states(List<Merchant> shops) {
        List<UUID> ids = shops.stream().map(Merchant::id).toList();
        LocalDate today = LocalDate.now(Clock.system(ServerConfig.zone()));
        Map<UUID, Figures.Totals> totals = store.totalsByShop(ids, today, today);
        return shops.stream().map(m -> {
            List<MerchantClient> clients = directory.clients(m.id());
            Set<UUID> online = presence.online(clients.stream().map(MerchantClient::id).toList());
            ShopActivity.Conversations c = activity.conversations(m.id());
            return new StoreState(m.code(), m.name(), m.chainCode(), m.zone(ServerConfig.zone()).getId(), clients.size(),
                    online.size(), c.open(), c.queued(), totals.get(m.id()));
        }).toList();
    }

    private List<Merchant> shopsOf(Caller caller, boolean sync) {
        if (caller.hasRole("platform-admin")) {
            return directory.all();
        }
        if (caller.hasRole("chain-admin") && caller.chainCode().isPresent()) {
            return access.chainShops(caller, sync);
        }
        if (caller.hasRole("merchant-admin")) {
            return List.of(directory.merchantOf(caller));
        }
        throw new DomainException(ErrorCode.FORBIDDEN, "the console is for merchant, chain and platform admins");
    }
}
