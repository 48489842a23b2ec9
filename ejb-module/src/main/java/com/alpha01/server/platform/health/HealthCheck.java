package com.alpha01.server.platform.health;

import com.alpha01.server.platform.config.ServerConfig;
import com.alpha01.server.platform.messaging.DeadLetterWatch;
import com.alpha01.server.platform.persistence.DatabaseProbe;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Whether this node can do its work (readiness): its database answers, its message broker answers,
 * and — reported, but not required — Keycloak answers (without it sign-ins fail, while open
 * conversations go on: every node would be taken out of the load balancer for nothing). With its
 * name and its dead letters, for the health endpoints.
 */
@Stateless
public class HealthCheck {

    private static final Logger LOG = Logger.getLogger(HealthCheck.class);

    /** This node's health: what answered, the node's name, messages waiting in its dead-letter queue. */
    public record Health(boolean databaseUp, boolean messagingUp, boolean identityUp, String node, int deadLetters) {

        /** Ready for traffic: the database and the broker answer. */
        public boolean ready() {
            return databaseUp && messagingUp;
        }
    }

    @Inject
    DatabaseProbe database;

    @Inject
    DeadLetterWatch deadLetters;

    @Inject
    IdentityProbe identity;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Health now() {
        return new Health(databaseUp(), deadLetters.brokerAnswers(), identity.answers(), ServerConfig.nodeName(),
                deadLetters.waiting());
    }

    private boolean databaseUp() {
        try {
            return database.answers();
        } catch (RuntimeException e) {
            LOG.warnf("Health check: database not reachable (%s)", e.getClass().getSimpleName());
            return false;
        }
    }
}
