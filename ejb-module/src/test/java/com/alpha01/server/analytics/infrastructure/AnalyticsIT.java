package com.alpha01.server.analytics.infrastructure;

import static com.alpha01.server.analytics.infrastructure.ShopHistory.at;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.alpha01.server.analytics.application.Figures;
import com.alpha01.server.platform.persistence.SchemaMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shop's figures against a scripted history with known answers, on a moved clock (every row at a chosen
 * local time of the shop, weeks ago), in a real PostgreSQL 17: the daily roll-up, then the period's figures.
 * The shop is in Asia/Shanghai and the server's default zone is UTC, so a day boundary in the wrong zone
 * would move conversations between days.
 */
class AnalyticsIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate D1 = LocalDate.parse("2026-11-02");
    private static final LocalDate D2 = D1.plusDays(1);

    private static EmbeddedPostgres postgres;
    private static DataSource db;
    private static UUID shop;
    private static UUID otherShop;
    private static UUID late;

    @BeforeAll
    static void history() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database analytics");
        }
        db = postgres.getDatabase("postgres", "analytics");
        new SchemaMigrations(db).migrate();
        try (Connection con = db.getConnection()) {
            ShopHistory h = new ShopHistory(con);
            shop = h.merchant("east", "Asia/Shanghai");
            otherShop = h.merchant("west", null);
            // c1: a question the knowledge answers in 4 s, one handed to staff, closed after 10 minutes, rated 5.
            UUID c1 = h.conversation(shop, "u1", t("2026-11-02T09:00:00"));
            long q1 = h.customer(c1, "营业时间？", t("2026-11-02T09:00:00"));
            h.message(c1, "BOT", "九点到九点", t("2026-11-02T09:00:04"), q1, "常见问题 · 第1条", "EXTRACTIVE", null);
            long q2 = h.customer(c1, "可以外卖吗", t("2026-11-02T09:01:00"));
            h.message(c1, "BOT", "请稍等，店员马上来", t("2026-11-02T09:01:02"), q2, null, "HANDOFF", null);
            h.event(c1, "TAKEOVER", "STAFF", "王店长", t("2026-11-02T09:01:03"));
            h.message(c1, "STAFF", "可以的", t("2026-11-02T09:02:00"), q2, null, null, "王店长");
            h.event(c1, "CLOSE", "STAFF", null, t("2026-11-02T09:10:00"));
            h.rating(c1, 5, "很好", t("2026-11-02T09:11:00"));
            // c2: a hello a minute before midnight, greeted after midnight; a question nobody could answer; idle close.
            late = h.conversation(shop, "u2", t("2026-11-02T23:59:00"));
            h.customer(late, "你好", t("2026-11-02T23:59:00"));
            // c3: a customer of October, back on D2 with the same unanswered question (other spacing).
            UUID c3 = h.conversation(shop, "u3", t("2026-10-20T12:00:00"));
            long q3 = h.customer(c3, "有停车位吗 ", t("2026-11-03T10:00:00"));
            h.message(c3, "BOT", "抱歉，我不确定", t("2026-11-03T10:00:02"), q3, null, "FALLBACK", null);
            // Another shop (the server's zone) on D1: never in the first shop's figures.
            UUID other = h.conversation(otherShop, "u9", at("2026-11-02T12:00:00", ZoneOffset.UTC));
            long q9 = h.customer(other, "hello", at("2026-11-02T12:00:00", ZoneOffset.UTC));
            h.message(other, "BOT", "hi", at("2026-11-02T12:00:09", ZoneOffset.UTC), q9, "FAQ", "AI", null);
            // QR codes: three scans at the counter on D1 (one led to c1), one at a table on D2.
            UUID counter = h.qrCode(shop, "前台", "counter");
            h.scan(counter, shop, "VALID", "u1", c1, t("2026-11-02T08:59:00"));
            h.scan(counter, shop, "VALID", null, null, t("2026-11-02T10:00:00"));
            h.scan(counter, shop, "EXPIRED", null, null, t("2026-11-02T11:00:00"));
            UUID table = h.qrCode(shop, "12号桌", "table");
            h.scan(table, shop, "VALID", "u3", c3, t("2026-11-03T09:59:00"));
            h.automation(shop, "2026-11-02", 10, 1);
            h.automation(shop, "2026-11-05", 5, 5);
            DailyRollup.rollUp(con, Instant.EPOCH, ZoneOffset.UTC);

            // Later passes see only what changed since: c2's greeting after midnight, its question, the idle close.
            h.message(late, "BOT", "您好！", t("2026-11-03T00:00:30"), 1L, null, "GREETING", null);
            long q4 = h.customer(late, "有停车位吗", t("2026-11-03T00:05:00"));
            h.message(late, "BOT", "店员会尽快回复您", t("2026-11-03T00:05:10"), q4, null, "FALLBACK", null);
            DailyRollup.rollUp(con, t("2026-11-03T00:00:30").toInstant(), ZoneOffset.UTC);
            h.event(late, "CLOSE", "IDLE", null, t("2026-11-03T00:40:00"));
            h.rating(late, 2, null, t("2026-11-03T00:41:00"));
            DailyRollup.rollUp(con, t("2026-11-03T00:40:00").toInstant(), ZoneOffset.UTC);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static java.time.OffsetDateTime t(String local) {
        return at(local, SHANGHAI);
    }

    private static Figures figures(Set<UUID> shops, LocalDate from, LocalDate to) throws Exception {
        try (Connection con = db.getConnection()) {
            return AnalyticsQueries.figures(con, shops, from, to, ZoneOffset.UTC);
        }
    }

    @Test
    void the_two_days_of_the_shop_add_up_to_the_scripted_answers() throws Exception {
        Figures.Totals t = figures(Set.of(shop), D1, D2).totals();
        assertEquals(4, t.conversations(), "c1 and c2 on D1, c2 and c3 on D2");
        assertEquals(3, t.customers());
        assertEquals(2, t.newCustomers());
        assertEquals(1, t.returningCustomers(), "c3 first came in October");
        assertEquals(11, t.messages());
        assertEquals(5, t.customerMessages());
        assertEquals(5, t.aiAnswers());
        assertEquals(1, t.staffAnswers());
        assertEquals(1, t.handOffs());
        assertEquals(0.833, t.aiAnswerRate());
        assertEquals(0.25, t.handOffRate());
        assertEquals(0.25, t.kbHitRate(), "one of four answers (the greeting aside) rests on the shop's knowledge");
        // First replies 4 s, 90 s (the greeting after midnight), 10 s, 2 s.
        assertEquals(7.0, t.firstReplyP50());
        assertEquals(66.0, t.firstReplyP90());
        // Resolution 600 s (c1), 2,460 s (c2 from 23:59), 2,100 s (c2 from 00:05); c3 never closed.
        assertEquals(2100.0, t.resolutionP50());
        assertEquals(2388.0, t.resolutionP90());
    }

    @Test
    void each_day_counts_in_the_shops_own_time_zone() throws Exception {
        List<Figures.Day> days = figures(Set.of(shop), D1, D2).days();
        assertEquals(List.of(new Figures.Day(D1, 2, 2, 6, 3, 2, 1, 1, 1), new Figures.Day(D2, 2, 0, 5, 2, 3, 0, 0, 2)),
                days);
        // D1 alone: first replies 4 s and 90 s: c2's greeting came after midnight but counts for the day it was asked.
        assertEquals(81.4, figures(Set.of(shop), D1, D1).totals().firstReplyP90());
        assertNull(figures(Set.of(shop), D1.minusDays(5), D1.minusDays(1)).totals().firstReplyP50(), "nothing before D1");
        long[] hours = figures(Set.of(shop), D1, D2).hours();
        assertEquals(2, hours[9]);
        assertEquals(1, hours[23]);
        assertEquals(1, hours[0]);
        assertEquals(1, hours[10]);
        assertEquals(5, java.util.Arrays.stream(hours).sum());
    }

    @Test
    void staff_ratings_questions_without_answers_and_automation() throws Exception {
        Figures f = figures(Set.of(shop), D1, D2);
        assertEquals(List.of(new Figures.Staff("王店长", 1, 1)), f.staff());
        assertEquals(3.5, f.ratings().average());
        assertArrayEquals(new long[] {0, 1, 0, 0, 1}, f.ratings().byScore());
        assertEquals(1, f.ratings().comments().size());
        assertEquals("很好", f.ratings().comments().get(0).comment());
        assertEquals(2, f.unanswered().size());
        assertEquals("有停车位吗", f.unanswered().get(0).question().strip());
        assertEquals(2, f.unanswered().get(0).times(), "the same words, spaced otherwise, count together");
        assertEquals("可以外卖吗", f.unanswered().get(1).question());
        assertEquals(new Figures.Automation(10, 1, 0.9), f.automation(), "D5's report is outside the period");
    }

    @Test
    void the_qr_funnel_per_code_and_per_scene() throws Exception {
        Figures f = figures(Set.of(shop), D1, D2);
        Figures.Funnel counter = f.qrCodes().stream().filter(x -> x.label().equals("前台")).findFirst().orElseThrow();
        assertEquals(List.of(3L, 2L, 1L, 1L, 1L),
                List.of(counter.scans(), counter.valid(), counter.signedIn(), counter.conversations(), counter.answered()));
        Figures.Funnel table = f.scenes().stream().filter(x -> x.key().equals("table")).findFirst().orElseThrow();
        assertEquals(List.of(1L, 1L, 1L, 1L, 1L),
                List.of(table.scans(), table.valid(), table.signedIn(), table.conversations(), table.answered()));
    }

    @Test
    void another_shop_is_never_counted_and_a_chain_adds_both() throws Exception {
        Figures other = figures(Set.of(otherShop), D1, D2);
        assertEquals(1, other.totals().conversations());
        assertEquals(9.0, other.totals().firstReplyP50());
        assertEquals(0, other.ratings().count());
        Figures chain = figures(Set.of(shop, otherShop), D1, D2);
        assertEquals(5, chain.totals().conversations());
        assertEquals(13, chain.totals().messages());
        try (Connection con = db.getConnection()) {
            var byShop = AnalyticsQueries.totalsByShop(con, Set.of(shop, otherShop), D1, D2);
            assertEquals(figures(Set.of(shop), D1, D2).totals(), byShop.get(shop));
            assertEquals(other.totals(), byShop.get(otherShop));
        }
    }

    @Test
    void a_second_pass_over_the_same_changes_writes_the_same_rows() throws Exception {
        Figures before = figures(Set.of(shop), D1, D2);
        try (Connection con = db.getConnection()) {
            DailyRollup.rollUp(con, Instant.EPOCH, ZoneOffset.UTC);
        }
        assertEquals(before.totals(), figures(Set.of(shop), D1, D2).totals());
        assertEquals(before.days(), figures(Set.of(shop), D1, D2).days());
    }
}
