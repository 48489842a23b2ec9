package com.alpha01.server.analytics.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.merchant.application.StoreAccess;
import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.platform.config.ServerConfig;
import com.alpha01.server.platform.error.DomainException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The figures of a shop or of a chain for a period (issue 17), for whoever may see them: staff and merchant
 * admins their own shop, chain admins each store of their chain and the chain as a whole, platform admins any
 * shop. Any other shop is "not found", as an unknown code (no hint that it exists). Days are the shop's own
 * (its time zone); a chain's period is read in the server's zone. Outside a transaction: each lookup and read
 * has its own, so a store list Keycloak cannot refresh leaves the figures readable.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Analytics {


    /** The longest period one request reads. */
    static final int MAX_DAYS = 366;
    /** Without a period: the last 7 days, today included. */
    static final int DEFAULT_DAYS = 7;

    @Inject
    StoreAccess access;

    @Inject
    AnalyticsStore store;

    /** A shop's figures, with what it is. */
    public record ShopFigures(String code, String name, String zone, Figures figures) {
    }

    /** A store's line in its chain's table. */
    public record Store(String code, String name, Figures.Totals totals) {
    }

    /** A chain's figures: chain-wide, and each store's totals. */
    public record ChainFigures(String chain, List<Store> stores, Figures figures) {
    }

    /** {@code merchantCode} null: the caller's own shop. */
    public ShopFigures shop(Caller caller, String merchantCode, String from, String to) {
        Merchant m = access.visibleShop(caller, merchantCode);
        java.time.ZoneId zone = m.zone(ServerConfig.zone());
        LocalDate[] period = period(from, to, LocalDate.now(Clock.system(zone)));
        return new ShopFigures(m.code(), m.name(), zone.getId(), store.figures(List.of(m.id()), period[0], period[1]));
    }

    public ChainFigures chain(Caller chainAdmin, String from, String to) {
        List<Merchant> shops = access.chainShops(chainAdmin);
        String chain = chainAdmin.chainCode().orElseThrow();
        LocalDate[] period = period(from, to, LocalDate.now(Clock.system(ServerConfig.zone())));
        List<UUID> ids = shops.stream().map(Merchant::id).toList();
        Map<UUID, Figures.Totals> byShop = store.totalsByShop(ids, period[0], period[1]);
        List<Store> stores = shops.stream().sorted(Comparator.comparing(Merchant::name))
                .map(m -> new Store(m.code(), m.name(), byShop.get(m.id()))).toList();
        return new ChainFigures(chain, stores, store.figures(ids, period[0], period[1]));
    }

    /** {@code from}..{@code to} (ISO dates, both included); absent: the last 7 days up to today. */
    static LocalDate[] period(String from, String to, LocalDate today) {
        try {
            LocalDate end = to == null || to.isBlank() ? today : LocalDate.parse(to.strip());
            LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1) : LocalDate.parse(from.strip());
            if (start.isAfter(end)) {
                throw new DomainException(ErrorCode.BAD_FRAME, "'from' is after 'to'");
            }
            if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
                throw new DomainException(ErrorCode.BAD_FRAME, "a period is at most " + MAX_DAYS + " days");
            }
            return new LocalDate[] {start, end};
        } catch (DateTimeParseException e) {
            throw new DomainException(ErrorCode.BAD_FRAME, "'from' and 'to' are dates like 2026-12-07");
        }
    }
}
