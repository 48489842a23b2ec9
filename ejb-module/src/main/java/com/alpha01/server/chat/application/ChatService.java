package com.alpha01.server.chat.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import com.alpha01.server.chat.domain.ChatMessage;
import com.alpha01.server.chat.domain.ChatMessageRepository;
import com.alpha01.server.chat.domain.Conversation;
import com.alpha01.server.chat.domain.ConversationJournal;
import com.alpha01.server.chat.domain.ConversationRepository;
import com.alpha01.server.chat.domain.ConversationState;
import com.alpha01.server.chat.domain.DeliveryReceipt;
import com.alpha01.server.chat.domain.Sender;
import com.alpha01.server.merchant.application.MerchantDirectory;
import com.alpha01.server.merchant.domain.MerchantClient;
import com.alpha01.server.platform.error.DomainException;
import com.alpha01.server.platform.metrics.Meters;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The transactional core of the chat (DESIGN.md flow 4): accepting messages (the conversation is
 * locked and the message stored under the next sequence number — or found again, for a resend of
 * the same sender id — in one PostgreSQL transaction; the caller acknowledges only after this
 * returns, then routes it with {@link DeliveryService#route}), state changes, receipts, and reading
 * a conversation back. Nothing here talks to a peer or to JMS: the use cases around it do, after it
 * committed, so a commit waits for PostgreSQL alone.
 */
@Stateless
public class ChatService {

    private static final Logger LOG = Logger.getLogger(ChatService.class);

    @Inject
    ConversationRepository conversations;

    @Inject
    ChatMessageRepository messages;

    @Inject
    MerchantDirectory directory;

    @Inject
    Meters meters;

    @Inject
    ConversationJournal journal;

    /**
     * A stored message: its sequence number, whether this call stored it (false for a resend), and
     * what goes to its receiver: {@code message} as the receiver sees it and, for a customer's
     * message, the client holding the conversation ({@code toClient}, null while it is queued).
     * Both are null for a resend, which is not routed again (the resend sweep covers it).
     */
    public record Accepted(UUID conversationId, long seq, boolean stored, Outbound.Message message, UUID toClient) {

        public static Accepted again(UUID conversationId, long seq) {
            return new Accepted(conversationId, seq, false, null, null);
        }
    }

    public Accepted acceptFromCustomer(UUID conversationId, String customerSubject, Question question) {
        Conversation c = lock(conversationId);
        if (!c.customerSubject().equals(customerSubject)) {
            throw Refusals.noSuchConversation();
        }
        return store(c, Sender.CUSTOMER, question.senderMsgId(), question.text(), null, null);
    }

    public Accepted acceptFromClient(UUID clientId, Answer answer) {
        Conversation c = lock(answer.conversationId());
        if (!c.isAssignedTo(clientId)) {
            // Another shop's conversation does not exist for this client, as an unknown id (D18); one of
            // its own shop's that another client holds is forbidden. Looked up on this refusal path only.
            throw clientOfShop(clientId, c).isPresent() ? new DomainException(ErrorCode.FORBIDDEN, "conversation is not assigned to this client")
                    : Refusals.noSuchConversation();
        }
        Sender sender = answer.sender() == null ? Sender.BOT : answer.sender();
        if (sender == Sender.CUSTOMER) {
            throw new DomainException(ErrorCode.BAD_FRAME, "a merchant client cannot write as the customer");
        }
        if (answer.inReplyTo() != null && answer.inReplyTo() > c.lastSeq()) {
            throw new DomainException(ErrorCode.BAD_FRAME, "inReplyTo names a message that does not exist");
        }
        return store(c, sender, answer.senderMsgId(), answer.text(), answer.inReplyTo(), answer);
    }

    /** The result of a staff action: the new state, and the client that held the conversation before. */
    public record StateChange(Outbound.State state, UUID previousClientId) {
    }

    /**
     * Staff take over (from any client of the conversation's merchant; the conversation moves to
     * it), hand back, or close (only the client holding the conversation).
     */
    public StateChange control(UUID clientId, UUID conversationId, StaffAction action, String staffName) {
        Conversation c = lock(conversationId);
        MerchantClient client = clientOfShop(clientId, c).orElseThrow(Refusals::noSuchConversation);
        UUID previous = c.clientId();
        Instant now = Instant.now();
        if (action == StaffAction.TAKEOVER) {
            c.takeOver(client, now);
        } else {
            if (!c.isAssignedTo(clientId)) {
                throw new DomainException(ErrorCode.FORBIDDEN, "conversation is not held by this client");
            }
            try {
                if (action == StaffAction.HANDBACK) {
                    c.handBack(now);
                } else {
                    c.close(now);
                }
            } catch (IllegalStateException e) {
                throw new DomainException(ErrorCode.CONFLICT, e.getMessage());
            }
        }
        journal.record(c, ConversationJournal.EventKind.valueOf(action.name()), ConversationJournal.Actor.STAFF,
                staffName, now);
        LOG.infof("Conversation %s is %s after %s by client %s", c.id(), c.state(), action, clientId);
        meters.staffAction(action.name());
        return new StateChange(new Outbound.State(c.id(), c.state(),
                c.state() == ConversationState.HUMAN ? staffName : null), previous);
    }

    /**
     * Records {@code delivered} receipts, many in one statement ({@link DeliveredReceipts} gathers
     * them); returns the rightful ones (recorded now, or repeats of a recorded one). A receipt not
     * returned is wrong: {@link #checkDelivered} says why.
     */
    public Set<DeliveryReceipt> delivered(Collection<DeliveryReceipt> receipts) {
        Instant now = Instant.now();
        Map<DeliveryReceipt, Instant> rightful = messages.markDelivered(receipts, now);
        // Delivery lag: from a message stored to its receiver's first receipt (repeats are not counted again).
        rightful.forEach((receipt, stored) -> {
            if (stored.isAfter(Instant.EPOCH)) {
                meters.deliveryLag(receipt.byClient(), Duration.between(stored, now));
            }
        });
        return rightful.keySet();
    }

    /**
     * The checks, one by one, for a receipt the batch did not take: a message that does not exist
     * or is not the sender's to see is "not found", one of the sender's own is refused.
     */
    public void checkDelivered(DeliveryReceipt receipt) {
        Conversation c = receipt.byClient() ? heldBy(receipt.clientId(), receipt.conversationId())
                : ownedBy(receipt.customerSubject(), receipt.conversationId());
        markDelivered(c, receipt.seq(), receipt.byClient());
    }

    /**
     * The client's screen has shown the conversation up to {@code seq}: the customer's messages up
     * to it are read (and so delivered). Returns whether any was not read before.
     */
    public boolean readByClient(UUID clientId, UUID conversationId, long seq) {
        return markRead(heldBy(clientId, conversationId), seq, true) > 0;
    }

    /**
     * The customer's screen has shown the conversation up to {@code seq}: the answers up to it are
     * read. Returns the client to tell, when any was not read before and a client holds it.
     */
    public Optional<UUID> readByCustomer(String customerSubject, UUID conversationId, long seq) {
        Conversation c = ownedBy(customerSubject, conversationId);
        return markRead(c, seq, false) > 0 && c.clientId() != null ? Optional.of(c.clientId()) : Optional.empty();
    }

    /** What a customer socket needs to greet its peer; {@code welcomeLine} is the shop's own (null: none set). */
    public record ConversationView(UUID id, UUID merchantId, String merchantName, ConversationState state,
                                   String welcomeLine) {
    }

    public ConversationView describe(UUID conversationId) {
        Conversation c = conversations.find(conversationId).orElseThrow(Refusals::noSuchConversation);
        return new ConversationView(c.id(), c.merchant().id(), c.merchant().name(), c.state(),
                c.merchant().welcomeLine());
    }

    /** Messages after {@code lastSeq}, oldest first, at most {@link Frame#RESUME_LIMIT}, as the customer sees them. Callers check tenancy. */
    public List<Outbound.Message> since(UUID conversationId, long lastSeq) {
        return messages.after(conversationId, lastSeq, Frame.RESUME_LIMIT).stream()
                .map(m -> Outbound.Message.of(m, null)).toList();
    }

    /** A merchant client's resume: the messages after {@code lastSeq}, if the conversation is of its merchant, else 404. */
    public List<Outbound.Message> sinceForClient(UUID clientId, UUID conversationId, long lastSeq) {
        Conversation c = conversations.find(conversationId).orElseThrow(Refusals::noSuchConversation);
        if (clientOfShop(clientId, c).isEmpty()) {
            throw Refusals.noSuchConversation();
        }
        return messages.after(conversationId, lastSeq, Frame.RESUME_LIMIT).stream()
                .map(m -> Outbound.Message.of(m, c.customerName())).toList();
    }

    /** The newest {@code limit} messages of a conversation, oldest first, as the customer sees them. Callers check tenancy. */
    public List<Outbound.Message> recent(UUID conversationId, int limit) {
        List<Outbound.Message> oldestFirst = new ArrayList<>(messages.newest(conversationId, limit).stream()
                .map(m -> Outbound.Message.of(m, null)).toList());
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** Stores a message; {@code answer} is the client's answer it comes from (null for a customer's message). */
    private Accepted store(Conversation c, Sender sender, String senderMsgId, String text, Long inReplyTo,
                           Answer answer) {
        Optional<ChatMessage> earlier = messages.bySenderId(c, sender, senderMsgId);
        if (earlier.isPresent()) {
            if (!earlier.get().body().equals(text)) {
                throw new DomainException(ErrorCode.CONFLICT, "this message id was already used for another text");
            }
            return Accepted.again(c.id(), earlier.get().seq());
        }
        // The question this answers and the assistant's answers to it so far, in one statement.
        List<ChatMessage> thread = inReplyTo == null ? List.of() : messages.questionAndAnswers(c, inReplyTo);
        if (sender == Sender.BOT) {
            // One assistant answer per question, whichever client wrote it: a question is handed to the
            // next client when its client goes silent, and the one before may still deliver the answer it
            // held back (an outage, a reconnect). The second is taken as the first, so nothing is shown twice.
            Optional<ChatMessage> answered = thread.stream().filter(a -> a.sender() == Sender.BOT).findFirst();
            if (answered.isPresent()) {
                LOG.debugf("Question %d of conversation %s is answered already (message %d)", (Object) inReplyTo,
                        c.id(), answered.get().seq());
                return Accepted.again(c.id(), answered.get().seq());
            }
        }
        if (!c.accepts(sender)) {
            throw new DomainException(ErrorCode.CONFLICT, "staff have taken this conversation over");
        }
        Instant now = Instant.now();
        Optional<ChatMessage> question = thread.stream()
                .filter(q -> q.sender() == Sender.CUSTOMER && q.seq() == inReplyTo).findFirst();
        // An answer proves its question arrived, whether or not the receipt did.
        question.ifPresent(q -> q.delivered(now));
        ChatMessage m = new ChatMessage(c, c.nextSeq(now), sender, senderMsgId, text, now);
        m.answers(inReplyTo);
        if (answer != null) {
            m.restsOn(answer.source());
            m.madeBy(answer.kind(), answer.author());
        }
        messages.add(m);
        meters.messageStored(sender.name());
        question.ifPresent(q -> meters.answered(sender.name(), Duration.between(q.createdAt(), now)));
        LOG.debugf("Stored %s message %d of conversation %s", sender, m.seq(), c.id());
        if (sender == Sender.CUSTOMER) {
            return new Accepted(c.id(), m.seq(), true, Outbound.Message.of(m, c.customerName()),
                    c.clientId());
        }
        return new Accepted(c.id(), m.seq(), true, Outbound.Message.of(m, null), null);
    }

    private void markDelivered(Conversation c, long seq, boolean toClient) {
        ChatMessage m = messages.at(c, seq)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such message"));
        boolean fromCustomer = m.sender() == Sender.CUSTOMER;
        if (fromCustomer != toClient) {
            throw new DomainException(ErrorCode.FORBIDDEN, "a peer acknowledges only messages sent to it");
        }
        m.delivered(Instant.now());
    }

    /** Marks the customer's messages (or the answers) up to {@code seq} read; returns how many were not before. */
    private int markRead(Conversation c, long seq, boolean customerMessages) {
        if (seq < 1 || seq > c.lastSeq()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such message");
        }
        return messages.markRead(c, seq, customerMessages, Instant.now());
    }

    /** The client, if it is one of the conversation's shop (another shop's conversation does not exist for it). */
    private Optional<MerchantClient> clientOfShop(UUID clientId, Conversation c) {
        return directory.findClient(clientId).filter(cl -> cl.merchant().id().equals(c.merchant().id()));
    }

    private Conversation heldBy(UUID clientId, UUID conversationId) {
        return conversations.find(conversationId).filter(c -> c.isAssignedTo(clientId))
                .orElseThrow(Refusals::noSuchConversation);
    }

    private Conversation ownedBy(String customerSubject, UUID conversationId) {
        return conversations.find(conversationId).filter(c -> c.customerSubject().equals(customerSubject))
                .orElseThrow(Refusals::noSuchConversation);
    }

    private Conversation lock(UUID conversationId) {
        return conversations.lock(conversationId).orElseThrow(Refusals::noSuchConversation);
    }
}
