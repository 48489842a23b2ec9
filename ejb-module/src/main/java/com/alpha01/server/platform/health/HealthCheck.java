package com.alpha01.server.platform.health;

import com.alpha01.server.platform.config.ServerConfig;
import com.alpha01.server.platform.messaging.DeadLetterWatch;
import com.alpha01.server.platform.persistence.DatabaseProbe;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Whether this node can do its work: the database answers. With its name and its dead letters, for the health endpoint. */
@Stateless
public class HealthCheck {

    private static final Logger LOG = Logger.getLogger(HealthCheck.class);

    /** This node's health: the database's answer, the node's name, messages waiting in its dead-letter queue. */
    public record Health(boolean databaseUp, String node, int deadLetters) {
    }

    @Inject
    DatabaseProbe database;

    @Inject
    DeadLetterWatch deadLetters;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Health now() {
        return new Health(databaseUp(), ServerConfig.nodeName(), deadLetters.waiting());
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
