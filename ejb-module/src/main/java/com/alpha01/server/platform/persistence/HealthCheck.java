package com.alpha01.server.platform.persistence;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;

/** Whether this node can do its work: the database answers. Used by the health endpoint. */
@Stateless
public class HealthCheck {

    private static final Logger LOG = Logger.getLogger(HealthCheck.class);

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean databaseUp() {
        try {
            return ((Number) em.createNativeQuery("select 1").getSingleResult()).intValue() == 1;
        } catch (RuntimeException e) {
            LOG.warnf("Health check: database not reachable (%s)", e.getClass().getSimpleName());
            return false;
        }
    }
}
