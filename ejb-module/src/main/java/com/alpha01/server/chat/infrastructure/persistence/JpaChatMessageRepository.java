package com.alpha01.server.chat.infrastructure.persistence;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.server.chat.domain.ChatMessage;
import com.alpha01.server.chat.domain.ChatMessageRepository;
import com.alpha01.server.chat.domain.Conversation;
import com.alpha01.server.chat.domain.DeliveryReceipt;
import com.alpha01.server.chat.domain.Sender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@link ChatMessageRepository} in JPQL; joins the caller's transaction (or opens one). A CDI bean with
 * {@code @Transactional}, not an EJB: it is called several times per message, and the EJB
 * interceptor chain cost more than the statements (issue 14's profile).
 */
@ApplicationScoped
@Transactional
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

    @Override
    public List<ChatMessage> questionAndAnswers(Conversation c, long question) {
        return em.createQuery("select m from ChatMessage m where m.conversation = :c and (m.seq = :q "
                        + "or (m.inReplyTo = :q and m.sender = :bot)) order by m.seq", ChatMessage.class)
                .setParameter("c", c).setParameter("q", question).setParameter("bot", Sender.BOT).getResultList();
    }

    /**
     * Plain SQL on purpose: a receipt follows every message, and Hibernate translates a JPQL bulk
     * update anew on each call (its plans are cached for selects only), which cost a fifth of the
     * server's CPU in the routing benchmark (docs/benchmarks.md). No second-level cache to keep in step.
     * One statement over the receipts passed as a JSON array (one parameter, however many receipts):
     * each is matched to its message and checked against the conversation's client or customer; the
     * rightful ones are returned, and those not delivered before are marked. A repeat is answered
     * here too: under overload resends bring receipts again, and checking each on its own (three
     * statements) made a backlog grow (the cluster benchmark's profile).
     */
    @Override
    @SuppressWarnings("unchecked")
    public Map<DeliveryReceipt, Instant> markDelivered(Collection<DeliveryReceipt> receipts, Instant now) {
        if (receipts.isEmpty()) {
            return Map.of();
        }
        JsonArrayBuilder rows = JSON.createArrayBuilder();
        for (DeliveryReceipt r : receipts) {
            JsonObjectBuilder row = JSON.createObjectBuilder().add("conv", r.conversationId().toString())
                    .add("seq", r.seq());
            rows.add(r.byClient() ? row.add("client", r.clientId().toString()) : row.add("customer", r.customerSubject()));
        }
        List<Object[]> recorded = em.createNativeQuery("with rightful as ("
                        + "select m.id, m.conversation_id, m.seq, m.delivered_at "
                        + "from chat_message m, conversation c, jsonb_to_recordset(cast(?2 as jsonb)) "
                        + "as r(conv uuid, seq bigint, client uuid, customer text) "
                        + "where c.id = r.conv and m.conversation_id = r.conv and m.seq = r.seq "
                        + "and ((r.client is not null and m.sender = 'CUSTOMER' and c.client_id = r.client) "
                        + "or (r.customer is not null and m.sender <> 'CUSTOMER' and c.customer_subject = r.customer))), "
                        + "marked as (update chat_message m set delivered_at = ?1 from rightful "
                        + "where m.id = rightful.id and rightful.delivered_at is null and m.delivered_at is null "
                        + "returning m.id, m.created_at) "
                        + "select r.conversation_id, r.seq, mk.created_at from rightful r left join marked mk on mk.id = r.id")
                .setParameter(1, now).setParameter(2, rows.build().toString()).getResultList();
        Map<String, Instant> done = new HashMap<>();
        for (Object[] row : recorded) {
            done.put(row[0] + "/" + ((Number) row[1]).longValue(), row[2] == null ? Instant.EPOCH : instant(row[2]));
        }
        Map<DeliveryReceipt, Instant> result = new HashMap<>();
        for (DeliveryReceipt r : receipts) {
            Instant stored = done.get(r.conversationId() + "/" + r.seq());
            if (stored != null) {
                result.put(r, stored);
            }
        }
        return result;
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
                        + "and m.sender = :customer and not exists ("
                        + "select a from ChatMessage a where a.conversation = m.conversation and a.inReplyTo = m.seq) "
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

    /** A timestamp column of a native query, whichever type the driver and Hibernate give it. */
    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value.getClass().getName());
    }
}
