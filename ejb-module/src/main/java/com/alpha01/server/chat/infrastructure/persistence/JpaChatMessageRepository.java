package com.alpha01.server.chat.infrastructure.persistence;

import com.alpha01.server.chat.domain.ChatMessage;
import com.alpha01.server.chat.domain.ChatMessageRepository;
import com.alpha01.server.chat.domain.Conversation;
import com.alpha01.server.chat.domain.Sender;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@link ChatMessageRepository} in JPQL; joins the caller's transaction (or opens one). */
@Stateless
public class JpaChatMessageRepository implements ChatMessageRepository {

    @PersistenceContext
    EntityManager em;

    @Override
    public Optional<ChatMessage> find(UUID id) {
        return Optional.ofNullable(em.find(ChatMessage.class, id));
    }

    @Override
    public void add(ChatMessage m) {
        em.persist(m);
    }

    @Override
    public Optional<ChatMessage> bySenderId(Conversation c, Sender sender, String senderMsgId) {
        return em.createQuery("select m from ChatMessage m where m.conversation = :c "
                        + "and m.sender = :s and m.senderMsgId = :id", ChatMessage.class)
                .setParameter("c", c).setParameter("s", sender).setParameter("id", senderMsgId)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<ChatMessage> at(Conversation c, long seq) {
        return em.createQuery("select m from ChatMessage m where m.conversation = :c and m.seq = :seq",
                        ChatMessage.class)
                .setParameter("c", c).setParameter("seq", seq).getResultStream().findFirst();
    }

    /**
     * Plain SQL on purpose: a receipt follows every message, and Hibernate translates a JPQL bulk
     * update anew on each call (its plans are cached for selects only), which cost a fifth of the
     * server's CPU in the routing benchmark (docs/benchmarks.md). No second-level cache to keep in step.
     */
    @Override
    public int markDeliveredToClient(UUID conversationId, long seq, UUID clientId, Instant now) {
        return markDelivered(conversationId, seq, "m.sender = 'CUSTOMER' and c.client_id = ?4", clientId, now);
    }

    @Override
    public int markDeliveredToCustomer(UUID conversationId, long seq, String customerSubject, Instant now) {
        return markDelivered(conversationId, seq, "m.sender <> 'CUSTOMER' and c.customer_subject = ?4", customerSubject,
                now);
    }

    private int markDelivered(UUID conversationId, long seq, String receiverCondition, Object receiver, Instant now) {
        return em.createNativeQuery("update chat_message m set delivered_at = ?1 from conversation c "
                        + "where m.conversation_id = ?2 and c.id = ?2 and m.seq = ?3 and m.delivered_at is null and "
                        + receiverCondition)
                .setParameter(1, now).setParameter(2, conversationId).setParameter(3, seq).setParameter(4, receiver)
                .executeUpdate();
    }

    @Override
    public int markRead(Conversation c, long seq, boolean customerMessages, Instant now) {
        return em.createQuery("update ChatMessage m set m.readAt = :now, m.deliveredAt = coalesce(m.deliveredAt, :now) "
                        + "where m.conversation = :c and m.seq <= :seq and m.readAt is null and "
                        + (customerMessages ? "m.sender = :customer" : "m.sender <> :customer"))
                .setParameter("now", now).setParameter("c", c).setParameter("seq", seq)
                .setParameter("customer", Sender.CUSTOMER).executeUpdate();
    }

    @Override
    public List<ChatMessage> after(UUID conversationId, long lastSeq, int limit) {
        return em.createQuery("select m from ChatMessage m join fetch m.conversation "
                        + "where m.conversation.id = :c and m.seq > :after order by m.seq", ChatMessage.class)
                .setParameter("c", conversationId).setParameter("after", lastSeq)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public List<ChatMessage> newest(UUID conversationId, int limit) {
        return em.createQuery("select m from ChatMessage m join fetch m.conversation "
                        + "where m.conversation.id = :c order by m.seq desc", ChatMessage.class)
                .setParameter("c", conversationId).setMaxResults(limit).getResultList();
    }

    @Override
    public List<ChatMessage> before(Conversation c, long seq, int limit) {
        return em.createQuery("select m from ChatMessage m where m.conversation = :c "
                        + "and m.seq < :before order by m.seq desc", ChatMessage.class)
                .setParameter("c", c).setParameter("before", seq).setMaxResults(limit).getResultList();
    }

    @Override
    public List<ChatMessage> undeliveredTo(UUID clientId) {
        return em.createQuery("select m from ChatMessage m join fetch m.conversation "
                        + "where m.conversation.client.id = :client and m.sender = :customer and m.deliveredAt is null "
                        + "order by m.conversation.id, m.seq", ChatMessage.class)
                .setParameter("client", clientId).setParameter("customer", Sender.CUSTOMER)
                .getResultList();
    }

    @Override
    public List<ChatMessage> openQuestions(Collection<UUID> conversationIds, UUID clientId) {
        return em.createQuery("select m from ChatMessage m join fetch m.conversation "
                        + "where m.conversation.id in :convs and m.conversation.client.id = :client "
                        + "and m.sender = :customer and (m.deliveredAt is null or not exists ("
                        + "select a from ChatMessage a where a.conversation = m.conversation and a.inReplyTo = m.seq)) "
                        + "order by m.conversation.id, m.seq", ChatMessage.class)
                .setParameter("convs", conversationIds).setParameter("client", clientId)
                .setParameter("customer", Sender.CUSTOMER).getResultList();
    }

    @Override
    public List<ChatMessage> unacknowledged(boolean fromCustomers, Set<UUID> local, Instant cutoff, Instant oldest,
                                            int limit) {
        return em.createQuery("select m from ChatMessage m join fetch m.conversation where "
                        + (fromCustomers ? "m.sender = :customer and m.conversation.client.id in :local "
                                : "m.sender <> :customer and m.conversation.id in :local ")
                        + "and m.deliveredAt is null and m.createdAt < :cutoff and m.createdAt > :oldest "
                        + "order by m.conversation.id, m.seq", ChatMessage.class)
                .setParameter("customer", Sender.CUSTOMER).setParameter("cutoff", cutoff)
                .setParameter("oldest", oldest).setParameter("local", local)
                .setMaxResults(limit).getResultList();
    }
}
