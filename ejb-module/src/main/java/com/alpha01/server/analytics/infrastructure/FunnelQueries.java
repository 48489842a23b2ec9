package com.alpha01.server.analytics.infrastructure;

import static com.alpha01.server.analytics.infrastructure.AnalyticsQueries.localDay;

import com.alpha01.server.analytics.application.Figures;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The QR funnel of a period, per code and per scene tag, for {@link AnalyticsQueries}. */
final class FunnelQueries {

    /**
     * Per QR code: scans, valid ones, signed in, led into a conversation, and answered — the conversation got a
     * first answer on the scan's day or later (from the roll-up: one hash join, not a look-up per scan).
     */
    private static final String FUNNEL = "with answered as (select conversation_id, max(day) as last_day "
            + "from conversation_day where merchant_id = any(?) and day >= ? and first_reply_seconds is not null "
            + "group by conversation_id) "
            + "select q.id::text, min(coalesce(q.label, q.scene, '')), min(coalesce(q.scene, '')), min(m.name), count(*), "
            + "count(*) filter (where s.outcome = 'VALID'), count(*) filter (where s.customer_subject is not null), "
            + "count(*) filter (where s.conversation_id is not null), count(*) filter (where a.last_day >= "
            + localDay("s.scanned_at") + ") "
            + "from qr_scan s join qr_code q on q.id = s.qr_code_id join merchant m on m.id = q.merchant_id "
            + "left join answered a on a.conversation_id = s.conversation_id "
            + "where s.merchant_id = any(?) and " + localDay("s.scanned_at") + " between ? and ? "
            + "group by q.id order by count(*) desc";

    private FunnelQueries() {
    }

    static List<Figures.Funnel> funnel(Connection con, Array shops, LocalDate from, LocalDate to, String zone)
            throws SQLException {
        List<Figures.Funnel> rows = new ArrayList<>();
        try (ResultSet r = AnalyticsQueries.query(con, FUNNEL, shops, from, zone, shops, zone, from, to)) {
            while (r.next()) {
                rows.add(new Figures.Funnel(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9)));
            }
        }
        return rows;
    }

    /** The codes' funnels added up per scene tag (codes without one under ""), most scanned first. */
    static List<Figures.Funnel> scenes(List<Figures.Funnel> codes) {
        Map<String, Figures.Funnel> byScene = new LinkedHashMap<>();
        for (Figures.Funnel c : codes) {
            byScene.merge(c.scene(), new Figures.Funnel(c.scene(), c.scene(), c.scene(), null, c.scans(), c.valid(),
                    c.signedIn(), c.conversations(), c.answered()), (a, b) -> new Figures.Funnel(a.key(), a.label(),
                    a.scene(), null, a.scans() + b.scans(), a.valid() + b.valid(), a.signedIn() + b.signedIn(),
                    a.conversations() + b.conversations(), a.answered() + b.answered()));
        }
        return byScene.values().stream().sorted(Comparator.comparingLong(Figures.Funnel::scans).reversed())
                .toList();
    }
}
