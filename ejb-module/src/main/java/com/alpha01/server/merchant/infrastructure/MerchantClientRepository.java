package com.alpha01.server.merchant.infrastructure;

import com.alpha01.server.merchant.domain.MerchantClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The registered merchant clients in PostgreSQL (JPA), in the caller's transaction. */
@ApplicationScoped
public class MerchantClientRepository {

    @PersistenceContext
    EntityManager em;

    public Optional<MerchantClient> find(UUID id) {
        return Optional.ofNullable(em.find(MerchantClient.class, id));
    }

    /** The client a merchant's device registered as, if it did. */
    public Optional<MerchantClient> findByDevice(UUID merchantId, String deviceId) {
        return em.createQuery("select c from MerchantClient c where c.merchant.id = :m and c.deviceId = :d",
                        MerchantClient.class)
                .setParameter("m", merchantId).setParameter("d", deviceId).getResultStream().findFirst();
    }

    /** A merchant's clients in the order they first registered. */
    public List<MerchantClient> ofMerchant(UUID merchantId) {
        return em.createQuery("select c from MerchantClient c where c.merchant.id = :m order by c.registeredAt",
                MerchantClient.class).setParameter("m", merchantId).getResultList();
    }

    public void add(MerchantClient client) {
        em.persist(client);
    }
}
