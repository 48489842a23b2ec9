package com.alpha01.server.chat.infrastructure.persistence;

import com.alpha01.server.chat.domain.Conversation;
import com.alpha01.server.chat.domain.ConversationJournal;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link ConversationJournal} in native PostgreSQL statements (V11's tables). */
@Stateless
public class JpaConversationJournal implements ConversationJournal {

    private static final String EVENT = "insert into conversation_event (id, conversation_id, merchant_id, kind, actor, "
            + "staff_name, at) values (?, ?, ?, ?, ?, ?, ?)";
    private static final String RATING = "select score, comment, rated_at from conversation_rating "
            + "where conversation_id = ? and up_to_seq = ?";
    /** The first rating of a closing wins; a second insert changes nothing. */
    private static final String RATE = "insert into conversation_rating (conversation_id, up_to_seq, merchant_id, score, "
            + "comment, rated_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing";

    @PersistenceContext
    EntityManager em;

    @Override
    public void record(Conversation c, EventKind kind, Actor actor, String staffName, Instant at) {
        em.createNativeQuery(EVENT).setParameter(1, UUID.randomUUID()).setParameter(2, c.id())
                .setParameter(3, c.merchant().id()).setParameter(4, kind.name()).setParameter(5, actor.name())
                .setParameter(6, staffName == null ? null : staffName.substring(0, Math.min(200, staffName.length())))
                .setParameter(7, at).executeUpdate();
    }

    @Override
    public Optional<Rating> rating(UUID conversationId, long upToSeq) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(RATING).setParameter(1, conversationId).setParameter(2, upToSeq)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Rating(conversationId, upToSeq, ((Number) r[0]).intValue(),
                (String) r[1], instant(r[2])));
    }

    @Override
    public Rating rate(Conversation c, int score, String comment, Instant at) {
        em.createNativeQuery(RATE).setParameter(1, c.id()).setParameter(2, c.lastSeq())
                .setParameter(3, c.merchant().id()).setParameter(4, (short) score).setParameter(5, comment)
                .setParameter(6, at).executeUpdate();
        return rating(c.id(), c.lastSeq()).orElseThrow();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i
                : ((java.time.OffsetDateTime) value).toInstant();
    }
}
