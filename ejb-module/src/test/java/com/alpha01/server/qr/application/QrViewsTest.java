package com.alpha01.server.qr.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alpha01.server.qr.domain.ScanOutcome;
import com.alpha01.server.qr.infrastructure.QrScanRepository;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QrViewsTest {

    private static final UUID SCANNED = UUID.randomUUID();
    private static final UUID UNSCANNED = UUID.randomUUID();

    private static QrViews over(Map<UUID, Map<ScanOutcome, Long>> outcomes, Map<UUID, QrScanRepository.Steps> steps) {
        QrViews views = new QrViews();
        views.scans = new QrScanRepository() {
            @Override
            public Map<UUID, Map<ScanOutcome, Long>> outcomesByCode(UUID[] codeIds) {
                return outcomes;
            }

            @Override
            public Map<UUID, QrScanRepository.Steps> stepsByCode(UUID[] codeIds) {
                return steps;
            }
        };
        return views;
    }

    @Test
    void a_funnel_counts_every_scan_by_outcome_in_outcome_order_with_the_steps_of_the_valid_ones() {
        Map<ScanOutcome, Long> counted = new EnumMap<>(ScanOutcome.class);
        counted.put(ScanOutcome.FORGED, 1L);
        counted.put(ScanOutcome.VALID, 5L);
        counted.put(ScanOutcome.EXPIRED, 2L);

        QrView.Funnel funnel = over(Map.of(SCANNED, counted), Map.of(SCANNED, new QrScanRepository.Steps(4, 3, 2)))
                .funnels(List.of(SCANNED)).get(SCANNED);

        assertEquals(8, funnel.scans());
        assertEquals(List.of("VALID", "EXPIRED", "FORGED"), List.copyOf(funnel.outcomes().keySet()));
        assertEquals(5L, funnel.outcomes().get("VALID"));
        assertEquals(List.of(4L, 3L, 2L), List.of(funnel.signedIn(), funnel.conversationStarted(), funnel.firstReply()));
    }

    @Test
    void a_code_nobody_scanned_has_an_empty_funnel_and_no_codes_ask_nothing() {
        QrView.Funnel funnel = over(Map.of(), Map.of()).funnels(List.of(UNSCANNED)).get(UNSCANNED);

        assertEquals(new QrView.Funnel(0, Map.of(), 0, 0, 0), funnel);
        assertEquals(Map.of(), over(null, null).funnels(List.of()));
    }
}
