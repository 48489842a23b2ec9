package com.alpha01.server.chat.infrastructure;

import com.alpha01.server.chat.application.PeerChannel;
import com.alpha01.server.chat.application.PeerRegistry;
import com.alpha01.server.chat.domain.Presence;
import com.alpha01.server.platform.config.ServerConfig;
import com.alpha01.server.platform.persistence.DatabaseProbe;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Every five seconds, pings every socket this node holds (browsers and the merchant client answer
 * pings by themselves) and closes those that have not answered for the heartbeat timeout
 * ({@code ALPHA01_HEARTBEAT_TIMEOUT_SECONDS}, 20 s): a vanished phone or PC is noticed within
 * seconds, and its conversations can fail over.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HeartbeatTimer {

    private static final Logger LOG = Logger.getLogger(HeartbeatTimer.class);

    @Inject
    PeerRegistry peers;

    @Inject
    Presence presence;

    @Inject
    DatabaseProbe database;

    private final Steadiness writes = new Steadiness(System::nanoTime);

    /**
     * Every two seconds, well inside the heartbeat timeout: the clients whose sockets this node
     * holds are marked alive in PostgreSQL, for the rest of the cluster to see. Each write commits on
     * its own (no transaction here), so a write counted as done is one the cluster can read.
     */
    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = "alpha01-presence")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void refreshPresence() {
        try {
            var local = peers.localClientIds();
            if (local.isEmpty()) {
                database.answers(); // nothing to mark, but whether the database is there still counts
            } else {
                presence.refresh(local);
            }
            writes.succeeded();
        } catch (RuntimeException e) {
            if (databaseUnreachable(e)) {
                writes.failed();
            }
            LOG.warnf("Presence refresh failed (next one in 2 s): %s", e.toString());
        }
    }

    /**
     * Whether {@code e} says the database could not be reached (a connection refused, lost or shut
     * down: SQL states 08 and 57P), as opposed to a busy pool or a slow statement, which are load.
     */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this node's presence writes have reached the database for at least {@code window} since
     * it was last unreachable: only then do stale heartbeats in PostgreSQL mean a client went away.
     * Right after the database was away every client looks silent, and none of them is gone: the
     * failover sweep waits for a full window of heartbeats the database could record (D47).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean presenceSteadyFor(Duration window) {
        return writes.steadyFor(window);
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "alpha01-heartbeat")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void beat() {
        int dead = 0;
        for (PeerChannel channel : peers.all()) {
            try {
                if (!channel.probe(ServerConfig.heartbeatTimeout())) {
                    dead++;
                }
            } catch (RuntimeException e) {
                LOG.debugf("Heartbeat on %s failed: %s", channel.id(), e.toString());
            }
        }
        if (dead > 0) {
            LOG.infof("Heartbeat: closed %d silent sockets", dead);
        }
    }
}
