package com.alpha01.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct reads of the test PostgreSQL, to check what the server stored (and a direct write, to age a row). */
final class Db {

    private Db() {
    }

    static long count(String sql, Object... params) throws SQLException {
        return Long.parseLong(String.valueOf(query(sql, params).get(0).get(0)));
    }

    static List<List<Object>> query(String sql, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestEnvironment.jdbcUrl(), TestEnvironment.DB_USER,
                TestEnvironment.DB_PASSWORD);
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** Changes rows behind the server's back (to make a conversation look old, say); returns how many. */
    static int update(String sql, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestEnvironment.jdbcUrl(), TestEnvironment.DB_USER,
                TestEnvironment.DB_PASSWORD);
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    /**
     * What the shop's conversations hold: customer messages and their distinct sender ids, answers
     * ({@code BOT}) and the distinct questions they name. Each question stored once and answered once: all four equal.
     */
    static RoutingReport.Stored shopMessages(String merchantId) throws SQLException {
        List<Object> questions = query("select count(*), count(distinct (m.conversation_id, m.sender_msg_id)) "
                + "from chat_message m join conversation c on c.id = m.conversation_id "
                + "where c.merchant_id = ?::uuid and m.sender = 'CUSTOMER'", merchantId).get(0);
        List<Object> answers = query("select count(*), count(distinct (m.conversation_id, m.in_reply_to)) "
                + "from chat_message m join conversation c on c.id = m.conversation_id "
                + "where c.merchant_id = ?::uuid and m.sender = 'BOT'", merchantId).get(0);
        return new RoutingReport.Stored(((Number) questions.get(0)).longValue(), ((Number) questions.get(1)).longValue(),
                ((Number) answers.get(0)).longValue(), ((Number) answers.get(1)).longValue());
    }
}
