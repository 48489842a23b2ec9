package com.alpha01.server.chat.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import com.alpha01.server.platform.error.DomainException;
import com.alpha01.server.platform.DraftThrottle;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Drafts: an answer the merchant client's assistant is still writing, shown to the customer as it
 * grows. Checked like typing indicators (only the client holding the conversation; anyone else
 * gets {@code NOT_FOUND}) and relayed to the customer's tabs the same way, wherever in the cluster
 * they are. Never stored, resent or acknowledged, so no transaction: one small read, and the relay
 * publishes at once. The client socket thins them first ({@link DraftThrottle}), whose held drafts
 * go out on the container's scheduler ({@link #scheduler()}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DraftService {

    private static final Logger LOG = Logger.getLogger(DraftService.class);

    @PersistenceContext
    EntityManager em;

    @Inject
    Relay relay;

    @Resource
    ManagedScheduledExecutorService executor;

    /** The answer to message {@code draft.inReplyTo()} as far as client {@code clientId} has written it. */
    public void fromClient(UUID clientId, Frame.Draft draft) {
        UUID conversationId = UUID.fromString(draft.conversationId());
        List<Object[]> rows = em.createQuery("select cl.id, c.lastSeq from Conversation c left join c.client cl "
                        + "where c.id = :id", Object[].class)
                .setParameter("id", conversationId).getResultList();
        if (rows.isEmpty() || !clientId.equals(rows.get(0)[0])) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
        }
        if (draft.inReplyTo() > (Long) rows.get(0)[1]) {
            throw new DomainException(ErrorCode.BAD_FRAME, "inReplyTo names a message that does not exist");
        }
        relay.toCustomers(conversationId, FrameCodec.encode(draft));
        LOG.tracef("Draft of %d characters relayed in conversation %s", draft.text().length(), conversationId);
    }

    /** Runs a socket's held draft later, on the container's managed scheduler (its tasks may call this bean). */
    public DraftThrottle.Scheduler scheduler() {
        ManagedScheduledExecutorService managed = executor;
        return (task, delayNanos) -> managed.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }
}
