package com.alpha01.server.analytics.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The daily roll-up (V11 {@code conversation_day}): one row per conversation and day in the shop's time
 * zone, recomputed for every conversation changed since an instant, over the days from {@link #REACH_DAYS}
 * before that instant's day on (so a question answered, handed over or closed days later lands on the day it
 * was asked). One statement, upserting; plain JDBC so that the tests run it against PostgreSQL without a server.
 *
 * <p>Per row: messages by sender; the assistant's answers (greetings not counted), those resting on the
 * shop's knowledge ({@code source}) and those that could not answer (HANDOFF, FALLBACK); the day's first
 * customer message, the first answer after it (seconds, and whether the assistant or staff wrote it) and the
 * first closing after it (resolution); whether staff took over that day; the first staff member who
 * answered; customer messages per hour of the day.
 */
public final class DailyRollup {

    /** Days before the changed day that are recomputed too. */
    public static final int REACH_DAYS = 7;

    private static final String SQL = """
            insert into conversation_day (merchant_id, day, conversation_id, first_seen, customer_messages,
                bot_messages, staff_messages, bot_answers, kb_answers, unanswered, first_customer_at,
                first_reply_seconds, first_reply_by, resolution_seconds, handed_off, staff_name, hours)
            with touched as (
                select c.id, c.merchant_id, (c.created_at at time zone z.tz)::date as first_seen, z.tz,
                       (date_trunc('day', ? at time zone z.tz) - make_interval(days => ?))
                           at time zone z.tz as from_at
                from conversation c
                join merchant m on m.id = c.merchant_id
                cross join lateral (select coalesce(m.time_zone, ?) as tz) z
                where c.updated_at >= ?
            ), msgs as (
                select t.id as cid, t.merchant_id, t.tz, t.first_seen, x.seq, x.sender, x.created_at, x.source,
                       x.answer_kind, x.author, x.created_at at time zone t.tz as local_at,
                       min(x.created_at) filter (where x.sender = 'BOT') over later as next_bot_at,
                       min(x.created_at) filter (where x.sender = 'STAFF') over later as next_staff_at
                from touched t join chat_message x on x.conversation_id = t.id and x.created_at >= t.from_at
                window later as (partition by x.conversation_id order by x.seq desc
                                 rows between unbounded preceding and 1 preceding)
            ), days as (
                select cid, merchant_id, tz, first_seen, local_at::date as day,
                       count(*) filter (where sender = 'CUSTOMER') as cm,
                       count(*) filter (where sender = 'BOT') as bm,
                       count(*) filter (where sender = 'STAFF') as sm,
                       count(*) filter (where sender = 'BOT' and coalesce(answer_kind, '') <> 'GREETING') as answers,
                       count(*) filter (where sender = 'BOT' and source is not null) as kb,
                       count(*) filter (where sender = 'BOT' and answer_kind in ('HANDOFF', 'FALLBACK')) as missed,
                       min(created_at) filter (where sender = 'CUSTOMER') as first_at,
                       (array_agg(next_bot_at order by seq) filter (where sender = 'CUSTOMER'))[1] as bot_at,
                       (array_agg(next_staff_at order by seq) filter (where sender = 'CUSTOMER'))[1] as staff_at,
                       (array_agg(author order by seq) filter (where sender = 'STAFF' and author is not null))[1]
                           as staff_name,
                       array_agg(extract(hour from local_at)::int) filter (where sender = 'CUSTOMER') as hour_list
                from msgs group by cid, merchant_id, tz, first_seen, local_at::date
            )
            select d.merchant_id, d.day, d.cid, d.first_seen, d.cm, d.bm, d.sm, d.answers, d.kb, d.missed, d.first_at,
                   extract(epoch from least(d.bot_at, d.staff_at) - d.first_at),
                   case when d.bot_at is null and d.staff_at is null then null
                        when d.staff_at is null or d.bot_at <= d.staff_at then 'BOT' else 'STAFF' end,
                   extract(epoch from (select min(e.at) from conversation_event e where e.conversation_id = d.cid
                                         and e.kind = 'CLOSE' and e.at >= d.first_at) - d.first_at),
                   exists (select 1 from conversation_event e where e.conversation_id = d.cid and e.kind = 'TAKEOVER'
                             and e.at >= d.day::timestamp at time zone d.tz
                             and e.at < (d.day + 1)::timestamp at time zone d.tz),
                   d.staff_name,
                   array(select count(h)::int from generate_series(0, 23) g
                         left join unnest(d.hour_list) h on h = g group by g order by g)
            from days d
            on conflict (merchant_id, day, conversation_id) do update set
                first_seen = excluded.first_seen, customer_messages = excluded.customer_messages,
                bot_messages = excluded.bot_messages, staff_messages = excluded.staff_messages,
                bot_answers = excluded.bot_answers, kb_answers = excluded.kb_answers, unanswered = excluded.unanswered,
                first_customer_at = excluded.first_customer_at, first_reply_seconds = excluded.first_reply_seconds,
                first_reply_by = excluded.first_reply_by, resolution_seconds = excluded.resolution_seconds,
                handed_off = excluded.handed_off, staff_name = excluded.staff_name, hours = excluded.hours
            """;

    private DailyRollup() {
    }

    /**
     * Recomputes the rows of every conversation changed at or after {@code since}; returns the rows written.
     * {@code defaultZone} is the time zone of shops without their own.
     */
    public static int rollUp(Connection con, Instant since, ZoneId defaultZone) throws SQLException {
        try (PreparedStatement s = con.prepareStatement(SQL)) {
            OffsetDateTime at = since.atOffset(ZoneOffset.UTC);
            s.setObject(1, at);
            s.setInt(2, REACH_DAYS);
            s.setString(3, defaultZone.getId());
            s.setObject(4, at);
            return s.executeUpdate();
        }
    }
}
