package com.alpha01.server.chat.infrastructure;

import com.alpha01.server.chat.application.FailoverSweep;
import com.alpha01.server.platform.config.ServerConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Every five seconds, runs the {@link FailoverSweep}: looks for conversations held by clients gone
 * past the grace period (one node of the cluster at a time), tells their customers and has the new holders'
 * nodes replay to them; and resends what peers connected to this node have not acknowledged in
 * time (customer messages to clients, answers to customers). Clients are judged gone only while
 * this node's own presence writes have been steady for a heartbeat timeout (after a database
 * outage every heartbeat in it is stale, and no client is gone for that). Waits one
 * grace period after the application starts, so clients reconnecting after a server restart keep
 * their conversations.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class FailoverTimer {

    private static final Logger LOG = Logger.getLogger(FailoverTimer.class);

    @Inject
    FailoverSweep sweeps;

    @Inject
    HeartbeatTimer heartbeats;

    private Instant startedAt;

    @PostConstruct
    void started() {
        startedAt = Instant.now();
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "alpha01-failover")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        if (Instant.now().isBefore(startedAt.plus(ServerConfig.failoverGrace()))) {
            return;
        }
        try {
            sweeps.run(heartbeats.presenceSteadyFor(ServerConfig.heartbeatTimeout()));
        } catch (RuntimeException e) {
            LOG.warnf("Failover sweep failed (next one in 5 s): %s", e.toString());
        }
    }
}
