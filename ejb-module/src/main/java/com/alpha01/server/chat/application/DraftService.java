package com.alpha01.server.chat.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.chat.application.pacing.DraftThrottle;
import com.alpha01.server.chat.domain.ConversationRepository;
import com.alpha01.server.platform.error.DomainException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
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

    @Inject
    ConversationRepository conversations;

    @Inject
    Relay relay;

    @Resource
    ManagedScheduledExecutorService executor;

    /** The answer to message {@code draft.inReplyTo()} as far as client {@code clientId} has written it. */
    public void fromClient(java.util.UUID clientId, DraftText draft) {
        ConversationRepository.Parties p = conversations.parties(draft.conversationId())
                .filter(parties -> clientId.equals(parties.clientId())).orElseThrow(Refusals::noSuchConversation);
        if (draft.inReplyTo() > p.lastSeq()) {
            throw new DomainException(ErrorCode.BAD_FRAME, "inReplyTo names a message that does not exist");
        }
        relay.toCustomers(draft.conversationId(),
                new Outbound.Draft(draft.conversationId(), draft.inReplyTo(), draft.text()));
        LOG.tracef("Draft of %d characters relayed in conversation %s", draft.text().length(), draft.conversationId());
    }

    /** Runs a socket's held draft later, on the container's managed scheduler (its tasks may call this bean). */
    public DraftThrottle.Scheduler scheduler() {
        ManagedScheduledExecutorService managed = executor;
        return (task, delayNanos) -> managed.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }
}
