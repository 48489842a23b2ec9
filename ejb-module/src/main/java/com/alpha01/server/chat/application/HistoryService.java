package com.alpha01.server.chat.application;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.chat.domain.ChatMessage;
import com.alpha01.server.chat.domain.ChatMessageRepository;
import com.alpha01.server.chat.domain.Conversation;
import com.alpha01.server.chat.domain.ConversationRepository;
import com.alpha01.server.chat.domain.Sender;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.merchant.application.MerchantDirectory;
import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.platform.error.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
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

    @Inject
    ConversationRepository conversations;

    @Inject
    ChatMessageRepository messages;

    @Inject
    MerchantDirectory directory;

    /** One message of a page; {@code source} is what an answer rests on (null: none). */
    public record Entry(long seq, Sender sender, String text, Instant at, boolean delivered, String source) {
    }

    /** One page: messages newest first; {@code nextBefore} is where the next (older) page starts, or null. */
    public record Page(List<Entry> newestFirst, Long nextBefore, String customerName) {
    }

    public Page forStaff(Caller staff, UUID conversationId, Long before, Integer limit) {
        Merchant merchant = directory.merchantOf(staff);
        Conversation c = conversations.find(conversationId).filter(cv -> cv.merchant().id().equals(merchant.id()))
                .orElseThrow(Refusals::noSuchConversation);
        return page(c, before, limit, c.customerName());
    }

    public Page forCustomer(String customerSubject, UUID conversationId, Long before, Integer limit) {
        Conversation c = conversations.find(conversationId)
                .filter(cv -> cv.customerSubject().equals(customerSubject)).orElseThrow(Refusals::noSuchConversation);
        return page(c, before, limit, null);
    }

    private Page page(Conversation c, Long before, Integer limit, String customerName) {
        int size = limit == null ? DEFAULT_PAGE : limit;
        if (size < 1 || size > MAX_PAGE || (before != null && before < 1)) {
            throw new DomainException(ErrorCode.BAD_FRAME, "limit must be 1-" + MAX_PAGE + " and before >= 1");
        }
        List<ChatMessage> page = messages.before(c, before == null ? Long.MAX_VALUE : before, size + 1);
        boolean more = page.size() > size;
        List<ChatMessage> shown = more ? page.subList(0, size) : page;
        Long next = more ? shown.get(shown.size() - 1).seq() : null;
        return new Page(shown.stream().map(m -> new Entry(m.seq(), m.sender(), m.body(), m.createdAt(),
                m.deliveredAt() != null, m.source())).toList(), next, customerName);
    }
}
