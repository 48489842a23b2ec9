package com.alpha01.server.chat.infrastructure;

import com.alpha01.server.chat.application.PeerChannel;
import com.alpha01.server.chat.application.PeerRegistry;
import com.alpha01.server.chat.domain.Presence;
import com.alpha01.server.platform.config.ServerConfig;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
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

    /**
     * Every two seconds, well inside the heartbeat timeout: the clients whose sockets this node
     * holds are marked alive in PostgreSQL, for the rest of the cluster to see.
     */
    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = "alpha01-presence")
    void refreshPresence() {
        try {
            presence.refresh(peers.localClientIds());
        } catch (RuntimeException e) {
            LOG.warnf("Presence refresh failed (next one in 2 s): %s", e.toString());
        }
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
