package com.alpha01.server.analytics.infrastructure;

import com.alpha01.server.platform.Resources;
import com.alpha01.server.platform.config.ServerConfig;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * One pass of the daily roll-up ({@link DailyRollup}) in one transaction, on one node of the cluster at a time
 * (a transaction-scoped advisory lock taken without waiting): the conversations changed since the last pass
 * (less {@link #LATE_COMMITS}, for transactions that committed after a pass read past them) are rolled up again
 * and the watermark moves to this pass's start. The first pass on a database rolls up its whole history.
 */
@Stateless
public class RollupPass {

    private static final Logger LOG = Logger.getLogger(RollupPass.class);
    /** The roll-up's PostgreSQL advisory lock ("alpha0" 3). */
    private static final long LOCK = 0x616c70686130_33L;
    /** A message is stamped before its transaction commits: changes this much older than the watermark are read again. */
    static final Duration LATE_COMMITS = Duration.ofMinutes(2);
    private static final String WATERMARK = "daily-rollup";

    @Resource(lookup = Resources.DATASOURCE)
    DataSource dataSource;

    /** Runs a pass unless another node runs one; returns the rows written (-1: another node's turn). */
    public int run() {
        Instant start = Instant.now();
        try (Connection con = dataSource.getConnection()) {
            if (!locked(con)) {
                return -1;
            }
            Instant since = watermark(con).map(w -> w.minus(LATE_COMMITS)).orElse(Instant.EPOCH);
            int rows = DailyRollup.rollUp(con, since, ServerConfig.zone());
            moveWatermark(con, start);
            long ms = Duration.between(start, Instant.now()).toMillis();
            if (rows > 0) {
                LOG.debugf("Roll-up: %d conversation-days in %d ms", rows, ms);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("roll-up failed: " + e.getMessage(), e);
        }
    }

    private static boolean locked(Connection con) throws SQLException {
        try (PreparedStatement s = con.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, LOCK);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private static java.util.Optional<Instant> watermark(Connection con) throws SQLException {
        try (PreparedStatement s = con.prepareStatement("select at from analytics_watermark where name = ?")) {
            s.setString(1, WATERMARK);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? java.util.Optional.of(r.getObject(1, OffsetDateTime.class).toInstant())
                        : java.util.Optional.empty();
            }
        }
    }

    private static void moveWatermark(Connection con, Instant at) throws SQLException {
        try (PreparedStatement s = con.prepareStatement("insert into analytics_watermark (name, at) values (?, ?) "
                + "on conflict (name) do update set at = excluded.at")) {
            s.setString(1, WATERMARK);
            s.setObject(2, at.atOffset(ZoneOffset.UTC));
            s.executeUpdate();
        }
    }
}
