package com.alpha01.server.chat.application;

import com.alpha01.server.platform.config.ServerConfig;
import com.alpha01.server.platform.metrics.Meters;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * One round of the failover sweep (protocol rules 3 and 7): conversations of gone clients move
 * ({@link Failover}, which commits first), then their customers are told and the new holders'
 * nodes replay to them; and what peers connected here have not acknowledged in time is resent (in
 * time: the resend delay plus this node's own backlog, {@link NodeBacklog}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FailoverSweep {

    @Inject
    Failover failover;

    @Inject
    DeliveryService delivery;

    @Inject
    Relay relay;

    @Inject
    Meters meters;

    /**
     * One round; {@code presenceTrusted} says whether stale heartbeats mean gone clients now (false
     * right after the database was away: then only queued conversations are assigned).
     */
    public void run(boolean presenceTrusted) {
        Failover.Sweep sweep = failover.reassignFromGoneClients(presenceTrusted);
        sweep.changes().forEach(change -> relay.toCustomers(change.conversationId(), change));
        sweep.handedTo().forEach(relay::handOver);
        // A receipt can be as late as this node's own backlog (it waits in the node's queue of frames):
        // resending before that only lengthens the queue — an overloaded node resending everything every
        // 5 s fed its own backlog until its heap ran out (the fault suite's long run).
        Duration after = ServerConfig.deliveryRetry().plus(NodeBacklog.lag());
        meters.resent(true, delivery.retryUnacknowledged(after));
        meters.resent(false, delivery.retryUnacknowledgedAnswers(after));
    }
}
