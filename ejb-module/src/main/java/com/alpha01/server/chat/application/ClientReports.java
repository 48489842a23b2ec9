package com.alpha01.server.chat.application;

import com.alpha01.server.chat.domain.Presence;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.merchant.application.MerchantDirectory;
import com.alpha01.server.merchant.domain.ClientActivity;
import com.alpha01.server.merchant.domain.ClientReport;
import com.alpha01.server.merchant.domain.MerchantClient;
import com.alpha01.server.merchant.infrastructure.ClientReportRepository;
import com.alpha01.server.merchant.infrastructure.MerchantClientRepository;
import com.alpha01.server.platform.metrics.Meters;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The merchant clients' own accounts of their work ({@code report} frames, issue 16): each report's growth
 * goes to the metrics (answers by the assistant and by staff, hand-offs to staff, model errors, automation
 * runs by outcome), and the latest is kept per client for the shop's list of its clients.
 */
@Stateless
public class ClientReports {

    /** A client of the caller's shop as its staff see it. {@code reportedAt} and {@code activity}: null before its first report. */
    public record ClientView(UUID clientId, String name, String version, boolean online, Instant lastSeenAt,
                             Instant reportedAt, ClientActivity activity) {
    }

    @Inject
    ClientReportRepository reports;

    @Inject
    MerchantClientRepository clients;

    @Inject
    MerchantDirectory directory;

    @Inject
    Presence presence;

    @Inject
    Meters meters;

    /** Client {@code clientId} (connected on this node, so registered) reports {@code activity}. */
    public void accept(UUID clientId, ClientActivity activity) {
        ClientReport report = reports.lockedFor(clientId);
        meters.clientActivity(report.replaceWith(activity, Instant.now()));
    }

    /** Every client of the caller's shop, in the order they registered, with whether it is online and its latest report. */
    public List<ClientView> ofMyShop(Caller staff) {
        List<MerchantClient> mine = clients.ofMerchant(directory.merchantOf(staff).id());
        List<UUID> ids = mine.stream().map(MerchantClient::id).toList();
        Set<UUID> online = presence.online(ids);
        Map<UUID, ClientReport> latest = reports.of(ids).stream()
                .collect(Collectors.toMap(ClientReport::clientId, Function.identity()));
        return mine.stream().map(c -> {
            ClientReport r = latest.get(c.id());
            boolean reported = r != null && r.reportedAt().isAfter(Instant.EPOCH);
            return new ClientView(c.id(), c.name(), c.version(), online.contains(c.id()), c.lastSeenAt(),
                    reported ? r.reportedAt() : null, reported ? r.activity() : null);
        }).toList();
    }
}
