package com.alpha01.server.merchant.infrastructure;

import com.alpha01.server.merchant.domain.Merchant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The merchants in PostgreSQL (JPA), in the caller's transaction. */
@ApplicationScoped
public class MerchantRepository {

    @PersistenceContext
    EntityManager em;

    public Optional<Merchant> find(UUID id) {
        return Optional.ofNullable(em.find(Merchant.class, id));
    }

    public Optional<Merchant> findByCode(String code) {
        return em.createQuery("select m from Merchant m where m.code = :code", Merchant.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    /** The merchants of a chain, by name. */
    public List<Merchant> ofChain(String chainCode) {
        return em.createQuery("select m from Merchant m where m.chainCode = :c order by m.name", Merchant.class)
                .setParameter("c", chainCode).getResultList();
    }

    /** Every merchant, by name (a platform admin's list). */
    public List<Merchant> all() {
        return em.createQuery("select m from Merchant m order by m.name", Merchant.class).getResultList();
    }

    public void add(Merchant merchant) {
        em.persist(merchant);
    }

    /** Adds and writes it now, so that a concurrent first sight of the same code fails here, not at commit. */
    public void addNow(Merchant merchant) {
        em.persist(merchant);
        em.flush();
    }
}
