package com.alpha01.server.qr.application;

import com.alpha01.server.qr.domain.QrCode;
import com.alpha01.server.qr.domain.ScanOutcome;
import com.alpha01.server.qr.infrastructure.QrScanRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns codes into the {@link QrView}s staff see, their funnels counted in two grouped queries whatever their number. */
@ApplicationScoped
public class QrViews {

    @Inject
    QrScanRepository scans;

    public List<QrView> of(List<QrCode> codes, Instant now) {
        Map<UUID, QrView.Funnel> funnels = funnels(codes.stream().map(QrCode::id).toList());
        return codes.stream().map(q -> new QrView(q.id(), q.client() == null ? null : q.client().id(), q.label(),
                q.scene(), q.createdAt(), q.expiresAt(), q.revokedAt(), q.maxUses(), q.uses(), q.status(now).name(),
                funnels.get(q.id()))).toList();
    }

    public QrView of(QrCode code, Instant now) {
        return of(List.of(code), now).get(0);
    }

    /** The funnels of {@code codeIds}; a code without scans has an empty funnel. */
    Map<UUID, QrView.Funnel> funnels(List<UUID> codeIds) {
        if (codeIds.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = codeIds.toArray(UUID[]::new);
        Map<UUID, Map<ScanOutcome, Long>> outcomes = scans.outcomesByCode(ids);
        Map<UUID, QrScanRepository.Steps> steps = scans.stepsByCode(ids);
        Map<UUID, QrView.Funnel> funnels = new LinkedHashMap<>();
        for (UUID id : codeIds) {
            Map<String, Long> byOutcome = new LinkedHashMap<>();
            outcomes.getOrDefault(id, Map.of()).forEach((outcome, n) -> byOutcome.put(outcome.name(), n));
            QrScanRepository.Steps s = steps.getOrDefault(id, QrScanRepository.Steps.NONE);
            funnels.put(id, new QrView.Funnel(byOutcome.values().stream().mapToLong(Long::longValue).sum(), byOutcome,
                    s.signedIn(), s.conversationStarted(), s.firstReply()));
        }
        return funnels;
    }
}
