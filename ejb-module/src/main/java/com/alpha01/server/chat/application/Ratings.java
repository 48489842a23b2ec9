package com.alpha01.server.chat.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.chat.domain.Conversation;
import com.alpha01.server.chat.domain.ConversationJournal;
import com.alpha01.server.chat.domain.ConversationRepository;
import com.alpha01.server.chat.domain.ConversationState;
import com.alpha01.server.platform.error.DomainException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Customers rate a closed conversation (issue 17): 1 to 5 stars and an optional comment, once per
 * closing. The conversation is locked while the rating is stored, so two tabs rating at once store one.
 */
@Stateless
public class Ratings {

    private static final Logger LOG = Logger.getLogger(Ratings.class);

    @Inject
    ConversationRepository conversations;

    @Inject
    ConversationJournal journal;

    @Inject
    Ratings self;

    @Inject
    Relay relay;

    /** A stored rating and the client to tell (null while the conversation is queued). */
    public record Rated(Outbound.Rated rating, UUID clientId) {
    }

    /**
     * The customer rates ({@link #rate}, committed first); then every tab of theirs and the client holding the
     * conversation are told.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void rateAndTell(UUID conversationId, String customerSubject, int score, String comment) {
        Rated rated = self.rate(conversationId, customerSubject, score, comment);
        relay.toCustomers(conversationId, rated.rating());
        if (rated.clientId() != null) {
            relay.toClient(rated.clientId(), rated.rating());
        }
    }

    /**
     * Stores the customer's rating of their conversation as it was closed. The same rating again is
     * answered as the first (a resend); another one for the same closing is {@code CONFLICT}, and so is a
     * conversation that is not closed (nothing to rate yet).
     */
    public Rated rate(UUID conversationId, String customerSubject, int score, String comment) {
        Conversation c = conversations.lock(conversationId).filter(x -> x.customerSubject().equals(customerSubject))
                .orElseThrow(Refusals::noSuchConversation);
        if (c.state() != ConversationState.CLOSED || c.lastSeq() == 0) {
            throw new DomainException(ErrorCode.CONFLICT, "only a closed conversation can be rated");
        }
        ConversationJournal.Rating stored = journal.rate(c, score, comment, Instant.now());
        if (stored.score() != score || !Objects.equals(stored.comment(), comment)) {
            throw new DomainException(ErrorCode.CONFLICT, "this conversation is rated already");
        }
        LOG.debugf("Conversation %s rated %d", c.id(), score);
        return new Rated(outbound(stored), c.clientId());
    }

    /** The rating of the conversation's latest closing, when it is closed and rated (for a tab that opens). */
    public Optional<Outbound.Rated> ofClosed(UUID conversationId) {
        return conversations.find(conversationId).filter(c -> c.state() == ConversationState.CLOSED)
                .flatMap(c -> journal.rating(c.id(), c.lastSeq())).map(Ratings::outbound);
    }

    private static Outbound.Rated outbound(ConversationJournal.Rating r) {
        return new Outbound.Rated(r.conversationId(), r.upToSeq(), r.score(), r.comment());
    }
}
