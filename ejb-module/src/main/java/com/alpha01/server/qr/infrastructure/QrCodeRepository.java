package com.alpha01.server.qr.infrastructure;

import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.qr.domain.QrCode;
import com.alpha01.server.qr.domain.QrToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The QR codes in PostgreSQL (JPA), in the caller's transaction. A code is found by its token's hash only. */
@ApplicationScoped
public class QrCodeRepository {

    @PersistenceContext
    EntityManager em;

    public Optional<QrCode> find(UUID id) {
        return Optional.ofNullable(em.find(QrCode.class, id));
    }

    /** The code whose token this is, to read. */
    public Optional<QrCode> findByToken(String token) {
        return byToken(token).getResultStream().findFirst();
    }

    /** The code whose token this is, locked until the transaction ends (its use count is about to change). */
    public Optional<QrCode> lockByToken(String token) {
        return byToken(token).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    private TypedQuery<QrCode> byToken(String token) {
        return em.createQuery("select q from QrCode q where q.tokenHash = :h", QrCode.class)
                .setParameter("h", QrToken.hash(token));
    }

    /** A merchant's codes, newest first, at most {@code max}, with their bound clients. */
    public List<QrCode> newestOf(Merchant merchant, int max) {
        return em.createQuery("select q from QrCode q left join fetch q.client where q.merchant = :m "
                        + "order by q.createdAt desc", QrCode.class)
                .setParameter("m", merchant).setMaxResults(max).getResultList();
    }

    public void add(QrCode code) {
        em.persist(code);
    }
}
