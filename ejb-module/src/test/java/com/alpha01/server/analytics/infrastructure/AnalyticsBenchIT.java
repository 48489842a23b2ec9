package com.alpha01.server.analytics.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.server.analytics.application.Figures;
import com.alpha01.server.platform.persistence.SchemaMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The figures' speed as history grows (issue 17): a generated history of {@code bench.analytics.messages}
 * messages (20 shops, 10 of them a chain, 90 days, 10 messages per conversation, hand-offs, closings, ratings,
 * scans) in a real PostgreSQL 17; the first roll-up of all of it, an incremental pass, and the period queries
 * a console and the desktop app make. {@code bench/run analytics} runs it at a million messages and writes
 * {@code docs/bench/analytics.md}; the test command runs it small, checking only that the figures add up.
 */
class AnalyticsBenchIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int SHOPS = 20;
    private static final int CHAIN = 10;
    private static final int PER_CONVERSATION = 10;
    private static final int DAYS = 90;
    private static final int REPEATS = 5;

    @Test
    void the_figures_of_a_generated_history_add_up_and_their_times_are_written() throws Exception {
        long messages = Long.getLong("bench.analytics.messages", 20_000);
        long conversations = messages / PER_CONVERSATION;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("shared_buffers", "256MB").setServerConfig("work_mem", "16MB").start()) {
            DataSource db = pg.getPostgresDatabase();
            new SchemaMigrations(db).migrate();
            Map<String, String> figures = new LinkedHashMap<>();
            try (Connection con = db.getConnection(); Statement s = con.createStatement()) {
                long generated = time(figures, "generate the history", () -> generate(s, conversations));
                assertEquals(conversations * PER_CONVERSATION, generated);
                s.execute("analyze");
                int rows = (int) time(figures, "first roll-up of the whole history (one pass)",
                        () -> DailyRollup.rollUp(con, Instant.EPOCH, ZoneOffset.UTC));
                assertTrue(rows >= conversations, "a row per conversation-day at least");
                s.execute("analyze");
                figures.put("conversation-day rows", String.valueOf(rows));

                List<UUID> shops = ids(s, "select id from merchant order by code");
                List<UUID> chain = shops.subList(0, CHAIN);
                LocalDate today = LocalDate.now(SHANGHAI);
                // Every message of every shop over the whole history, counted from the roll-up.
                Figures all = AnalyticsQueries.figures(con, shops, today.minusDays(DAYS + 2), today.plusDays(1), ZoneOffset.UTC);
                assertEquals(messages, all.totals().messages(), "the roll-up holds every message once");

                measure(figures, "shop, 7 days", () -> AnalyticsQueries.figures(con, List.of(shops.get(0)),
                        today.minusDays(6), today, ZoneOffset.UTC));
                measure(figures, "shop, 30 days", () -> AnalyticsQueries.figures(con, List.of(shops.get(0)),
                        today.minusDays(29), today, ZoneOffset.UTC));
                measure(figures, "shop, 90 days", () -> AnalyticsQueries.figures(con, List.of(shops.get(0)),
                        today.minusDays(89), today, ZoneOffset.UTC));
                measure(figures, "chain of 10 stores, 30 days", () -> AnalyticsQueries.figures(con, chain,
                        today.minusDays(29), today, ZoneOffset.UTC));
                measure(figures, "chain's table of stores, 30 days", () -> AnalyticsQueries.totalsByShop(con, chain,
                        today.minusDays(29), today));
                measure(figures, "all 20 shops, 90 days", () -> AnalyticsQueries.figures(con, shops,
                        today.minusDays(89), today, ZoneOffset.UTC));

                // What the slowest of them spends its time on, part by part.
                java.sql.Array all20 = con.createArrayOf("uuid", shops.toArray());
                LocalDate from90 = today.minusDays(89);
                measure(figures, "… of which totals", () -> AnalyticsQueries.totals(con, all20, from90, today));
                measure(figures, "… of which days", () -> AnalyticsQueries.days(con, all20, from90, today));
                measure(figures, "… of which staff", () -> AnalyticsQueries.staff(con, all20, from90, today));
                measure(figures, "… of which hours", () -> AnalyticsQueries.hours(con, all20, from90, today));
                measure(figures, "… of which ratings", () -> AnalyticsQueries.ratings(con, all20, from90, today, "UTC"));
                measure(figures, "… of which QR funnel", () -> FunnelQueries.funnel(con, all20, from90, today, "UTC"));
                measure(figures, "… of which unanswered", () -> AnalyticsQueries.unanswered(con, all20, from90, today,
                        "UTC"));
                measure(figures, "… of which automation", () -> AnalyticsQueries.automation(con, all20, from90, today));

                // A minute of a busy afternoon: 1,000 new messages in 100 conversations, then one incremental pass.
                Instant before = Instant.now().minusSeconds(1);
                s.execute("with c as (select id from conversation order by created_at desc limit 100) "
                        + "insert into chat_message (id, conversation_id, seq, sender, sender_msg_id, body, created_at) "
                        + "select gen_random_uuid(), c.id, 100 + g, case when g % 2 = 0 then 'BOT' else 'CUSTOMER' end, "
                        + "'inc' || g || c.id, '又来问一下', now() from c, generate_series(1, 10) g");
                s.execute("update conversation set updated_at = now() where id in "
                        + "(select id from conversation order by created_at desc limit 100)");
                time(figures, "incremental pass after 1,000 new messages in 100 conversations",
                        () -> DailyRollup.rollUp(con, before, ZoneOffset.UTC));
                time(figures, "incremental pass with nothing changed", () -> DailyRollup.rollUp(con, Instant.now(),
                        ZoneOffset.UTC));
            }
            write(messages, figures);
        }
    }

    /** Inserts the history set-based; returns the messages stored. */
    private static long generate(Statement s, long conversations) throws Exception {
        s.execute("insert into merchant (id, code, name, created_at, time_zone, chain_code) select gen_random_uuid(), "
                + "'bench-' || lpad(g::text, 2, '0'), '店 ' || g, now(), 'Asia/Shanghai', "
                + "case when g <= " + CHAIN + " then 'bench-chain' end from generate_series(1, " + SHOPS + ") g");
        s.execute("create temporary table shop as select row_number() over (order by code) - 1 as n, id from merchant");
        s.execute("insert into qr_code (id, merchant_id, token_hash, label, scene, created_at) select gen_random_uuid(), "
                + "id, decode(md5(id::text), 'hex'), '前台', case when n % 2 = 0 then 'counter' else 'table' end, now() from shop");
        // Conversations spread over the last 90 days, busier in the afternoon.
        s.execute("insert into conversation (id, merchant_id, customer_subject, customer_name, state, last_seq, "
                + "created_at, updated_at) select gen_random_uuid(), shop.id, 'cust-' || g, '顾客', 'CLOSED', "
                + PER_CONVERSATION + ", now() - make_interval(days => (g % " + DAYS + ")::int, "
                + "hours => (g % 13)::int, mins => (g % 60)::int), now() from generate_series(1, " + conversations
                + ") g join shop on shop.n = g % " + SHOPS);
        long stored = s.executeLargeUpdate("insert into chat_message (id, conversation_id, seq, sender, sender_msg_id, "
                + "body, created_at, in_reply_to, source, answer_kind, author) select gen_random_uuid(), c.id, k, "
                + "case when k % 2 = 1 then 'CUSTOMER' when k = 6 and hashtext(c.id::text) % 7 = 0 then 'STAFF' "
                + "else 'BOT' end, 'm' || k, case when k % 2 = 1 then '问题 ' || (hashtext(c.id::text) % 50) else '回答' end, "
                + "c.created_at + make_interval(secs => k * 20 + (hashtext(c.id::text) & 7)), "
                + "case when k % 2 = 0 then k - 1 end, case when k % 2 = 0 and k % 4 = 0 then '常见问题 · 第1条' end, "
                + "case when k % 2 = 1 then null when k = 6 and hashtext(c.id::text) % 7 = 0 then null "
                + "when k = 2 and hashtext(c.id::text) % 5 = 0 then 'FALLBACK' else 'AI' end, "
                + "case when k = 6 and hashtext(c.id::text) % 7 = 0 then '店员 ' || (hashtext(c.id::text) & 3) end "
                + "from conversation c, generate_series(1, " + PER_CONVERSATION + ") k");
        s.execute("update conversation set updated_at = created_at + make_interval(secs => 400)");
        s.execute("insert into conversation_event (id, conversation_id, merchant_id, kind, actor, staff_name, at) "
                + "select gen_random_uuid(), id, merchant_id, 'TAKEOVER', 'STAFF', '店员', created_at + interval '110 s' "
                + "from conversation where hashtext(id::text) % 7 = 0");
        s.execute("insert into conversation_event (id, conversation_id, merchant_id, kind, actor, at) select "
                + "gen_random_uuid(), id, merchant_id, 'CLOSE', 'IDLE', created_at + interval '30 min' from conversation");
        s.execute("insert into conversation_rating (conversation_id, up_to_seq, merchant_id, score, comment, rated_at) "
                + "select id, last_seq, merchant_id, 1 + (hashtext(id::text) & 3) + (hashtext(id::text) & 1), "
                + "case when hashtext(id::text) % 3 = 0 then '不错' end, created_at + interval '31 min' "
                + "from conversation where hashtext(id::text) % 5 = 0");
        s.execute("insert into qr_scan (id, qr_code_id, merchant_id, outcome, scanned_at, customer_subject, "
                + "conversation_id) select gen_random_uuid(), q.id, c.merchant_id, 'VALID', c.created_at - interval '1 min', "
                + "c.customer_subject, c.id from conversation c join qr_code q on q.merchant_id = c.merchant_id");
        return stored;
    }

    private static List<UUID> ids(Statement s, String sql) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                ids.add(r.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static long time(Map<String, String> figures, String what, Callable<Number> work) throws Exception {
        long start = System.nanoTime();
        long result = work.call().longValue();
        figures.put(what, ms(System.nanoTime() - start));
        return result;
    }

    /** Runs a query {@link #REPEATS} times after a warm-up; the median and the slowest. */
    private static void measure(Map<String, String> figures, String what, Callable<Object> query) throws Exception {
        query.call();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            query.call();
            times.add(System.nanoTime() - start);
        }
        Collections.sort(times);
        figures.put(what, "median " + ms(times.get(REPEATS / 2)) + ", slowest " + ms(times.get(REPEATS - 1)));
    }

    private static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

    private static void write(long messages, Map<String, String> figures) throws Exception {
        String out = System.getProperty("bench.out");
        StringBuilder md = new StringBuilder("# Figures at " + String.format("%,d", messages) + " stored messages\n\n"
                + "`bench/run analytics` (AnalyticsBenchIT): a generated history in PostgreSQL 17 (zonky, shared_buffers "
                + "256 MB, work_mem 16 MB) on this machine — 20 shops (10 in a chain), 90 days, 10 messages per "
                + "conversation, hand-offs, closings, ratings, scans — then the roll-up and the queries of the figures "
                + "API (all figures of a period: totals, days, staff, hours, ratings, QR funnel per code and scene, "
                + "unanswered questions, automation). Times are wall-clock from the JDBC client, warm cache.\n\n"
                + "| step | time |\n| --- | --- |\n");
        figures.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        System.out.println(md);
        if (out != null && !out.isBlank()) {
            Files.writeString(Path.of(out), md);
        }
    }
}
