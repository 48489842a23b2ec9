package com.alpha01.server.chat.infrastructure.persistence;

import com.alpha01.server.chat.domain.ShopActivity;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

/** {@link ShopActivity} in two native PostgreSQL queries, both over one merchant only. */
@Stateless
public class JpaShopActivity implements ShopActivity {

    /** Customer messages in the period, and who first answered each (lateral: the lowest answering seq). */
    private static final String MESSAGES = "select count(distinct q.conversation_id), count(*), count(a.sender), "
            + "count(*) filter (where a.sender = 'BOT'), count(*) filter (where a.sender = 'STAFF') "
            + "from conversation c join chat_message q on q.conversation_id = c.id "
            + "left join lateral (select r.sender from chat_message r where r.conversation_id = q.conversation_id "
            + "and r.in_reply_to = q.seq and r.sender <> 'CUSTOMER' order by r.seq limit 1) a on true "
            + "where c.merchant_id = ? and q.sender = 'CUSTOMER' and q.created_at >= ? and q.created_at < ?";

    /** The merchant's conversations now: waiting for a client (QUEUED), and not closed. */
    private static final String CONVERSATIONS = "select count(*) filter (where state = 'QUEUED'), "
            + "count(*) filter (where state <> 'CLOSED') from conversation where merchant_id = ?";

    @PersistenceContext
    EntityManager em;

    @Override
    public Questions questions(UUID merchantId, Instant from, Instant to) {
        Object[] m = (Object[]) em.createNativeQuery(MESSAGES).setParameter(1, merchantId)
                .setParameter(2, from).setParameter(3, to).getSingleResult();
        return new Questions(number(m[0]), number(m[1]), number(m[2]), number(m[3]), number(m[4]));
    }

    @Override
    public Conversations conversations(UUID merchantId) {
        Object[] c = (Object[]) em.createNativeQuery(CONVERSATIONS).setParameter(1, merchantId).getSingleResult();
        return new Conversations(number(c[0]), number(c[1]));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
