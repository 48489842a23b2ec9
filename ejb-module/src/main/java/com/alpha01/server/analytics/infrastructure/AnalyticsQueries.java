package com.alpha01.server.analytics.infrastructure;

import com.alpha01.server.analytics.application.Figures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

/**
 * A period's figures of a set of shops, from the daily roll-up ({@link DailyRollup}) and the small tables
 * (ratings, scans, client reports). Every statement filters by the shops first; days are each shop's own.
 * Plain JDBC, so that the tests run it against PostgreSQL without a server.
 */
public final class AnalyticsQueries {

    private static final String ROLLUP = " from conversation_day where merchant_id = any(?) and day between ? and ?";

    /** The totals' columns, after a first one that {@link #TOTALS} and {@link #TOTALS_BY_SHOP} choose. */
    private static final String TOTAL_COLUMNS = "count(*) filter (where customer_messages > 0), "
            + "count(distinct conversation_id) filter (where customer_messages > 0), "
            + "count(distinct conversation_id) filter (where customer_messages > 0 and first_seen >= ?), "
            + "coalesce(sum(customer_messages + bot_messages + staff_messages), 0), coalesce(sum(customer_messages), 0), "
            + "coalesce(sum(bot_messages), 0), coalesce(sum(staff_messages), 0), "
            + "count(*) filter (where handed_off), coalesce(sum(bot_answers), 0), coalesce(sum(kb_answers), 0), "
            + "percentile_cont(0.5) within group (order by first_reply_seconds), "
            + "percentile_cont(0.9) within group (order by first_reply_seconds), "
            + "percentile_cont(0.5) within group (order by resolution_seconds), "
            + "percentile_cont(0.9) within group (order by resolution_seconds)";

    private static final String TOTALS = "select 0, " + TOTAL_COLUMNS + ROLLUP;

    private static final String TOTALS_BY_SHOP = "select merchant_id, " + TOTAL_COLUMNS + ROLLUP + " group by merchant_id";

    private static final String DAYS = "select day, count(*) filter (where customer_messages > 0), "
            + "count(distinct conversation_id) filter (where customer_messages > 0 and first_seen = day), "
            + "sum(customer_messages + bot_messages + staff_messages), sum(customer_messages), sum(bot_messages), "
            + "sum(staff_messages), count(*) filter (where handed_off), sum(unanswered)" + ROLLUP
            + " group by day order by day";

    private static final String STAFF = "select staff_name, count(*), sum(staff_messages)" + ROLLUP
            + " and staff_name is not null group by staff_name order by count(*) desc, staff_name";

    /** Customer messages per hour: 24 sums over the rows' hour arrays (an unnest of every row took 4 times as long). */
    private static final String HOURS = "select " + java.util.stream.IntStream.rangeClosed(1, 24)
            .mapToObj(h -> "coalesce(sum(hours[" + h + "]), 0)").collect(java.util.stream.Collectors.joining(", "))
            + ROLLUP;

    /** A shop's local day of a timestamp column. */
    static String localDay(String column) {
        return "(" + column + " at time zone coalesce(m.time_zone, ?))::date";
    }

    private static final String RATINGS = "select r.score, count(*) from conversation_rating r "
            + "join merchant m on m.id = r.merchant_id where r.merchant_id = any(?) and " + localDay("r.rated_at")
            + " between ? and ? group by r.score";

    private static final String COMMENTS = "select r.conversation_id, m.name, r.score, r.comment, r.rated_at "
            + "from conversation_rating r join merchant m on m.id = r.merchant_id where r.merchant_id = any(?) and "
            + localDay("r.rated_at") + " between ? and ? and r.comment is not null order by r.rated_at desc limit 20";


    /** Questions whose answer handed off or fell back; the same words (case and spaces aside) count together. */
    private static final String UNANSWERED = "select min(q.body), count(*), max(q.created_at) from chat_message a "
            + "join conversation c on c.id = a.conversation_id join merchant m on m.id = c.merchant_id "
            + "join chat_message q on q.conversation_id = a.conversation_id and q.seq = a.in_reply_to "
            + "where a.answer_kind in ('HANDOFF', 'FALLBACK') and a.created_at >= ? and a.created_at < ? "
            + "and c.merchant_id = any(?) and " + localDay("a.created_at") + " between ? and ? "
            + "group by lower(btrim(q.body)) order by count(*) desc, max(q.created_at) desc limit 50";

    private static final String AUTOMATION = "select coalesce(sum(automation_runs), 0), coalesce(sum(automation_failures), 0) "
            + "from client_report_day where merchant_id = any(?) and day between ? and ?";

    private AnalyticsQueries() {
    }

    public static Figures figures(Connection con, Collection<UUID> merchants, LocalDate from, LocalDate to,
                                  ZoneId defaultZone) throws SQLException {
        Array shops = con.createArrayOf("uuid", merchants.toArray());
        String zone = defaultZone.getId();
        List<Figures.Funnel> codes = FunnelQueries.funnel(con, shops, from, to, zone);
        return new Figures(from, to, totals(con, shops, from, to), days(con, shops, from, to), staff(con, shops, from, to),
                hours(con, shops, from, to), ratings(con, shops, from, to, zone),
                codes, FunnelQueries.scenes(codes),
                unanswered(con, shops, from, to, zone), automation(con, shops, from, to));
    }

    static Figures.Totals totals(Connection con, Array shops, LocalDate from, LocalDate to) throws SQLException {
        try (ResultSet r = query(con, TOTALS, from, shops, from, to)) {
            r.next();
            return totals(r);
        }
    }

    /** The period's totals of each shop that had any conversation in it (the chain's table of stores). */
    public static Map<UUID, Figures.Totals> totalsByShop(Connection con, Collection<UUID> merchants, LocalDate from,
                                                         LocalDate to) throws SQLException {
        Map<UUID, Figures.Totals> byShop = new HashMap<>();
        try (ResultSet r = query(con, TOTALS_BY_SHOP, from, con.createArrayOf("uuid", merchants.toArray()), from, to)) {
            while (r.next()) {
                byShop.put(r.getObject(1, UUID.class), totals(r));
            }
        }
        return byShop;
    }

    /** A totals row: column 1 is the shop (or a constant), the totals' columns follow. */
    private static Figures.Totals totals(ResultSet r) throws SQLException {
        long conversations = r.getLong(2);
        long customers = r.getLong(3);
        long newCustomers = r.getLong(4);
        long bot = r.getLong(7);
        long staff = r.getLong(8);
        long handOffs = r.getLong(9);
        return new Figures.Totals(conversations, customers, newCustomers, customers - newCustomers, r.getLong(5),
                r.getLong(6), bot, staff, handOffs, seconds(r, 12), seconds(r, 13), seconds(r, 14), seconds(r, 15),
                rate(bot, bot + staff), rate(handOffs, conversations), rate(r.getLong(11), r.getLong(10)));
    }

    static List<Figures.Day> days(Connection con, Array shops, LocalDate from, LocalDate to) throws SQLException {
        List<Figures.Day> days = new ArrayList<>();
        try (ResultSet r = query(con, DAYS, shops, from, to)) {
            while (r.next()) {
                days.add(new Figures.Day(r.getObject(1, LocalDate.class), r.getLong(2), r.getLong(3), r.getLong(4),
                        r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9)));
            }
        }
        return days;
    }

    static List<Figures.Staff> staff(Connection con, Array shops, LocalDate from, LocalDate to) throws SQLException {
        List<Figures.Staff> staff = new ArrayList<>();
        try (ResultSet r = query(con, STAFF, shops, from, to)) {
            while (r.next()) {
                staff.add(new Figures.Staff(r.getString(1), r.getLong(2), r.getLong(3)));
            }
        }
        return staff;
    }

    static long[] hours(Connection con, Array shops, LocalDate from, LocalDate to) throws SQLException {
        long[] hours = new long[24];
        try (ResultSet r = query(con, HOURS, shops, from, to)) {
            r.next();
            for (int h = 0; h < 24; h++) {
                hours[h] = r.getLong(h + 1);
            }
        }
        return hours;
    }

    static Figures.RatingSummary ratings(Connection con, Array shops, LocalDate from, LocalDate to, String zone)
            throws SQLException {
        long[] byScore = new long[5];
        try (ResultSet r = query(con, RATINGS, shops, zone, from, to)) {
            while (r.next()) {
                byScore[r.getInt(1) - 1] = r.getLong(2);
            }
        }
        long count = 0;
        long sum = 0;
        for (int i = 0; i < 5; i++) {
            count += byScore[i];
            sum += byScore[i] * (i + 1);
        }
        List<Figures.Comment> comments = new ArrayList<>();
        try (ResultSet r = query(con, COMMENTS, shops, zone, from, to)) {
            while (r.next()) {
                comments.add(new Figures.Comment(r.getObject(1, UUID.class), r.getString(2), r.getInt(3), r.getString(4),
                        r.getObject(5, OffsetDateTime.class).toInstant()));
            }
        }
        Double average = count == 0 ? null : round((double) sum / count, 2);
        return new Figures.RatingSummary(average, count, byScore, comments);
    }


    static List<Figures.Unanswered> unanswered(Connection con, Array shops, LocalDate from, LocalDate to,
                                                       String zone) throws SQLException {
        List<Figures.Unanswered> rows = new ArrayList<>();
        // A day and a half around the period bounds the index range whatever the shops' zones; the local day decides.
        try (ResultSet r = query(con, UNANSWERED, from.atStartOfDay(ZoneId.of("UTC")).minusHours(14).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(ZoneId.of("UTC")).plusHours(14).toOffsetDateTime(), shops, zone, from, to)) {
            while (r.next()) {
                rows.add(new Figures.Unanswered(r.getString(1), r.getLong(2),
                        r.getObject(3, OffsetDateTime.class).toInstant()));
            }
        }
        return rows;
    }

    static Figures.Automation automation(Connection con, Array shops, LocalDate from, LocalDate to)
            throws SQLException {
        try (ResultSet r = query(con, AUTOMATION, shops, from, to)) {
            r.next();
            long runs = r.getLong(1);
            long failures = r.getLong(2);
            return new Figures.Automation(runs, failures, runs == 0 ? 1 : rate(runs - failures, runs));
        }
    }

    /** Runs {@code sql} with {@code params} in order; the statement closes with its result set. */
    static ResultSet query(Connection con, String sql, Object... params) throws SQLException {
        PreparedStatement s = con.prepareStatement(sql);
        s.closeOnCompletion();
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s.executeQuery();
    }

    private static Double seconds(ResultSet r, int column) throws SQLException {
        double value = r.getDouble(column);
        return r.wasNull() ? null : round(value, 1);
    }

    /** {@code part / whole} to 3 decimals; 0 when whole is 0. */
    static double rate(long part, long whole) {
        return whole == 0 ? 0 : round((double) part / whole, 3);
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
