package com.alpha01.server.chat.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.chat.domain.ChatMessage;
import com.alpha01.server.chat.domain.Conversation;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.merchant.application.MerchantDirectory;
import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.platform.error.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * A conversation's history, newest first, in pages ({@code before} a sequence number). Staff see
 * the conversations of their own merchant, a customer only their own; anything else is "not
 * found", so other tenants' IDs reveal nothing.
 */
@Stateless
public class HistoryService {

    public static final int MAX_PAGE = 100;
    public static final int DEFAULT_PAGE = 50;

    @PersistenceContext
    EntityManager em;

    @Inject
    MerchantDirectory directory;

    /** One page: messages newest first; {@code nextBefore} is where the next (older) page starts, or null. */
    public record Page(List<ChatMessage> newestFirst, Long nextBefore, String customerName) {
    }

    public Page forStaff(Caller staff, UUID conversationId, Long before, Integer limit) {
        Merchant merchant = directory.merchantOf(staff);
        Conversation c = em.find(Conversation.class, conversationId);
        if (c == null || !c.merchant().id().equals(merchant.id())) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
        }
        return page(c, before, limit, c.customerName());
    }

    public Page forCustomer(String customerSubject, UUID conversationId, Long before, Integer limit) {
        Conversation c = em.find(Conversation.class, conversationId);
        if (c == null || !c.customerSubject().equals(customerSubject)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such conversation");
        }
        return page(c, before, limit, null);
    }

    private Page page(Conversation c, Long before, Integer limit, String customerName) {
        int size = limit == null ? DEFAULT_PAGE : limit;
        if (size < 1 || size > MAX_PAGE || (before != null && before < 1)) {
            throw new DomainException(ErrorCode.BAD_FRAME, "limit must be 1-" + MAX_PAGE + " and before >= 1");
        }
        long upTo = before == null ? Long.MAX_VALUE : before;
        List<ChatMessage> page = em.createQuery("select m from ChatMessage m where m.conversation = :c "
                        + "and m.seq < :before order by m.seq desc", ChatMessage.class)
                .setParameter("c", c).setParameter("before", upTo).setMaxResults(size + 1).getResultList();
        boolean more = page.size() > size;
        List<ChatMessage> shown = more ? page.subList(0, size) : page;
        Long next = more ? shown.get(shown.size() - 1).seq() : null;
        return new Page(List.copyOf(shown), next, customerName);
    }
}
