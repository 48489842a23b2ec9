package com.alpha01.server.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Asks PostgreSQL the smallest question there is, through the application's own persistence unit. */
@ApplicationScoped
public class DatabaseProbe {

    @PersistenceContext
    EntityManager em;

    /** True when the database answers {@code select 1}; throws when it cannot be reached. */
    public boolean answers() {
        return ((Number) em.createNativeQuery("select 1").getSingleResult()).intValue() == 1;
    }
}
