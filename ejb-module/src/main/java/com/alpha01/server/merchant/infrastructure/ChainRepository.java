package com.alpha01.server.merchant.infrastructure;

import com.alpha01.server.merchant.domain.Chain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The store chains in PostgreSQL (JPA), by code, in the caller's transaction. */
@ApplicationScoped
public class ChainRepository {

    @PersistenceContext
    EntityManager em;

    public Optional<Chain> find(String code) {
        return Optional.ofNullable(em.find(Chain.class, code));
    }

    public void add(Chain chain) {
        em.persist(chain);
    }
}
