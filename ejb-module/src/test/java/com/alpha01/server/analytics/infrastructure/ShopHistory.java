package com.alpha01.server.analytics.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Writes a shop's history straight into the schema, each row at a chosen local time of the shop (a moved
 * clock): merchants, conversations, messages, changes of who answers, ratings, scans and client reports.
 */
final class ShopHistory {

    private final Connection con;

    ShopHistory(Connection con) {
        this.con = con;
    }

    static OffsetDateTime at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toOffsetDateTime();
    }

    UUID merchant(String code, String zone) throws SQLException {
        UUID id = UUID.randomUUID();
        run("insert into merchant (id, code, name, created_at, time_zone) values (?, ?, ?, now(), ?)", id, code,
                code + " 店", zone);
        return id;
    }

    UUID conversation(UUID merchant, String customer, OffsetDateTime createdAt) throws SQLException {
        UUID id = UUID.randomUUID();
        run("insert into conversation (id, merchant_id, customer_subject, customer_name, state, last_seq, created_at, "
                + "updated_at) values (?, ?, ?, ?, 'BOT', 0, ?, ?)", id, merchant, customer, "顾客 " + customer, createdAt,
                createdAt);
        return id;
    }

    /** A message as the next seq of the conversation; {@code inReplyTo}, {@code source}, {@code kind}, {@code author} may be null. */
    long message(UUID conversation, String sender, String text, OffsetDateTime at, Long inReplyTo, String source,
                 String kind, String author) throws SQLException {
        run("update conversation set last_seq = last_seq + 1, updated_at = ? where id = ?", at, conversation);
        long seq = lastSeq(conversation);
        run("insert into chat_message (id, conversation_id, seq, sender, sender_msg_id, body, created_at, in_reply_to, "
                + "source, answer_kind, author) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), conversation,
                seq, sender, "m" + UUID.randomUUID().toString().replace("-", ""), text, at, inReplyTo, source, kind, author);
        return seq;
    }

    long customer(UUID conversation, String text, OffsetDateTime at) throws SQLException {
        return message(conversation, "CUSTOMER", text, at, null, null, null, null);
    }

    void event(UUID conversation, String kind, String actor, String staff, OffsetDateTime at) throws SQLException {
        run("insert into conversation_event (id, conversation_id, merchant_id, kind, actor, staff_name, at) "
                + "select ?, id, merchant_id, ?, ?, ?, ? from conversation where id = ?", UUID.randomUUID(), kind, actor,
                staff, at, conversation);
        run("update conversation set updated_at = greatest(updated_at, ?), state = case when ? = 'CLOSE' then 'CLOSED' "
                + "else state end where id = ?", at, kind, conversation);
    }

    void rating(UUID conversation, int score, String comment, OffsetDateTime at) throws SQLException {
        run("insert into conversation_rating (conversation_id, up_to_seq, merchant_id, score, comment, rated_at) "
                + "select id, last_seq, merchant_id, ?, ?, ? from conversation where id = ?", (short) score, comment, at,
                conversation);
    }

    UUID qrCode(UUID merchant, String label, String scene) throws SQLException {
        UUID id = UUID.randomUUID();
        run("insert into qr_code (id, merchant_id, token_hash, label, scene, created_at) values (?, ?, ?, ?, ?, now())",
                id, merchant, UUID.randomUUID().toString().getBytes(), label, scene);
        return id;
    }

    void scan(UUID code, UUID merchant, String outcome, String customer, UUID conversation, OffsetDateTime at)
            throws SQLException {
        run("insert into qr_scan (id, qr_code_id, merchant_id, outcome, scanned_at, customer_subject, conversation_id) "
                + "values (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), code, merchant, outcome, at, customer, conversation);
    }

    void automation(UUID merchant, String day, long runs, long failures) throws SQLException {
        run("insert into client_report_day (merchant_id, day, automation_runs, automation_failures) values (?, ?, ?, ?)",
                merchant, java.time.LocalDate.parse(day), runs, failures);
    }

    private long lastSeq(UUID conversation) throws SQLException {
        try (PreparedStatement s = con.prepareStatement("select last_seq from conversation where id = ?")) {
            s.setObject(1, conversation);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void run(String sql, Object... values) throws SQLException {
        try (PreparedStatement s = con.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
