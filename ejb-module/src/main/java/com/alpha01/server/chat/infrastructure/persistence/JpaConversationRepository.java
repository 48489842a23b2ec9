package com.alpha01.server.chat.infrastructure.persistence;

import com.alpha01.server.chat.domain.Conversation;
import com.alpha01.server.chat.domain.ConversationRepository;
import com.alpha01.server.chat.domain.ConversationState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@link ConversationRepository} in JPQL; joins the caller's transaction (or opens one). A CDI bean
 * with {@code @Transactional}, not an EJB, for the cost of the EJB chain on every message (as
 * {@link JpaChatMessageRepository}).
 */
@ApplicationScoped
@Transactional
public class JpaConversationRepository implements ConversationRepository {

    /** The failover sweep's PostgreSQL advisory lock ("alpha0" 2). */
    private static final long SWEEP_LOCK = 0x616c70686130_32L;

    @PersistenceContext
    EntityManager em;

    @Override
    public Optional<Conversation> find(UUID id) {
        return Optional.ofNullable(em.find(Conversation.class, id));
    }

    @Override
    public Optional<Conversation> lock(UUID id) {
        return Optional.ofNullable(em.find(Conversation.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<UUID> idleSince(Instant before, int limit) {
        return em.createQuery("select c.id from Conversation c where c.state in :open and c.updatedAt < :before "
                        + "and c.lastSeq > 0 order by c.updatedAt", UUID.class)
                .setParameter("open", List.of(ConversationState.BOT, ConversationState.HUMAN))
                .setParameter("before", before).setMaxResults(limit).getResultList();
    }

    @Override
    public void relock(Conversation c) {
        em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public void add(Conversation c) {
        em.persist(c);
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public Optional<Conversation> lockLatest(UUID merchantId, String customerSubject) {
        return em.createQuery("select c from Conversation c where c.merchant.id = :m "
                        + "and c.customerSubject = :s order by c.createdAt desc", Conversation.class)
                .setParameter("m", merchantId).setParameter("s", customerSubject)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public List<Conversation> lockQueued(UUID merchantId) {
        return em.createQuery("select c from Conversation c where c.merchant.id = :m and c.state = :queued",
                        Conversation.class)
                .setParameter("m", merchantId).setParameter("queued", ConversationState.QUEUED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public List<Conversation> queued() {
        return em.createQuery("select c from Conversation c where c.state = :queued", Conversation.class)
                .setParameter("queued", ConversationState.QUEUED).getResultList();
    }

    @Override
    public Waiting waiting() {
        Object[] row = em.createQuery("select count(c), count(distinct c.merchant.id) from Conversation c "
                + "where c.state = :queued", Object[].class).setParameter("queued", ConversationState.QUEUED)
                .getSingleResult();
        return new Waiting(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    @Override
    public List<Conversation> stranded(Collection<ConversationState> open, Instant fresh, Instant cutoff) {
        return em.createQuery("select c from Conversation c join fetch c.client "
                        + "where c.state in :open "
                        + "and (c.client.node is null or c.client.lastSeenAt <= :fresh) "
                        + "and (c.client.lastSeenAt is null or c.client.lastSeenAt < :cutoff)", Conversation.class)
                .setParameter("open", open).setParameter("fresh", fresh).setParameter("cutoff", cutoff)
                .getResultList();
    }

    @Override
    public Map<UUID, Long> openLoad(Set<UUID> clientIds) {
        Map<UUID, Long> load = new HashMap<>();
        em.createQuery("select c.client.id, count(c) from Conversation c where c.client.id in :ids "
                        + "and c.state <> :closed group by c.client.id", Object[].class)
                .setParameter("ids", clientIds).setParameter("closed", ConversationState.CLOSED)
                .getResultList().forEach(row -> load.put((UUID) row[0], (Long) row[1]));
        return load;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS) // typing and drafts read it without a transaction
    public Optional<Parties> parties(UUID conversationId) {
        return em.createQuery("select c.customerSubject, cl.id, c.lastSeq from Conversation c "
                        + "left join c.client cl where c.id = :id", Object[].class)
                .setParameter("id", conversationId).getResultStream().findFirst()
                .map(row -> new Parties((String) row[0], (UUID) row[1], (Long) row[2]));
    }

    @Override
    public boolean tryLockSweep() {
        Object got = em.createNativeQuery("select pg_try_advisory_xact_lock(" + SWEEP_LOCK + ")").getSingleResult();
        return Boolean.TRUE.equals(got);
    }
}
