package com.alpha01.server.chat.application;

import com.alpha01.server.platform.config.ServerConfig;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * One round of the failover sweep (protocol rules 3 and 7): conversations of gone clients move
 * ({@link Failover}, which commits first), then their customers are told and the new holders'
 * nodes replay to them; and what peers connected here have not acknowledged in time is resent.
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

    /**
     * One round; {@code presenceTrusted} says whether stale heartbeats mean gone clients now (false
     * right after the database was away: then only queued conversations are assigned).
     */
    public void run(boolean presenceTrusted) {
        Failover.Sweep sweep = failover.reassignFromGoneClients(presenceTrusted);
        sweep.changes().forEach(change -> relay.toCustomers(change.conversationId(), change));
        sweep.handedTo().forEach(relay::handOver);
        delivery.retryUnacknowledged(ServerConfig.deliveryRetry());
        delivery.retryUnacknowledgedAnswers(ServerConfig.deliveryRetry());
    }
}
