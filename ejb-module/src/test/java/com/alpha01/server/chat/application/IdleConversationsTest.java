package com.alpha01.server.chat.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alpha01.server.chat.domain.Conversation;
import com.alpha01.server.chat.domain.ConversationJournal;
import com.alpha01.server.chat.domain.ConversationRepository;
import com.alpha01.server.chat.domain.ConversationState;
import com.alpha01.server.merchant.domain.Merchant;
import com.alpha01.server.merchant.domain.MerchantClient;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The idle close: only AI- or staff-answered conversations untouched for the idle time close; each is
 * recorded as closed by IDLE and both sides are told; one that a message touched meanwhile stays open.
 */
class IdleConversationsTest {

    private final Instant longAgo = Instant.now().minus(Duration.ofHours(2));
    private final Merchant merchant = new Merchant("demo-shop", "演示店", longAgo);
    private final MerchantClient client = new MerchantClient(merchant, "device-0001", "前台", "0.1", null, longAgo);
    private final Map<UUID, Conversation> rows = new LinkedHashMap<>();
    private final List<String> journal = new ArrayList<>();
    private final List<String> told = new ArrayList<>();

    private Conversation conversation(Instant lastMessage, boolean answered) {
        Conversation c = new Conversation(merchant, client, "sub-" + rows.size(), "顾客", null, longAgo);
        c.nextSeq(lastMessage);
        if (!answered) {
            c.queue(lastMessage);
        }
        rows.put(c.id(), c);
        return c;
    }

    private IdleConversations idle() {
        IdleConversations idle = new IdleConversations();
        idle.self = idle;
        idle.conversations = (ConversationRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConversationRepository.class}, (proxy, method, args) -> switch (method.getName()) {
                    // The query's own filter, as the database applies it.
                    case "idleSince" -> rows.values().stream().filter(c -> (c.state() == ConversationState.BOT
                            || c.state() == ConversationState.HUMAN) && c.updatedAt().isBefore((Instant) args[0]))
                            .map(Conversation::id).toList();
                    case "lock" -> Optional.ofNullable(rows.get((UUID) args[0]));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        idle.journal = new ConversationJournal() {
            @Override
            public void record(Conversation c, EventKind kind, Actor actor, String staffName, Instant at) {
                journal.add(c.id() + " " + kind + " " + actor);
            }

            @Override
            public Optional<Rating> rating(UUID conversationId, long upToSeq) {
                return Optional.empty();
            }

            @Override
            public Rating rate(Conversation c, int score, String comment, Instant at) {
                throw new UnsupportedOperationException();
            }
        };
        idle.relay = new Relay() {
            @Override
            public void toClient(UUID clientId, Outbound outbound) {
                told.add("client " + ((Outbound.State) outbound).state());
            }

            @Override
            public void toCustomers(UUID conversationId, Outbound outbound) {
                told.add("customer " + ((Outbound.State) outbound).state());
            }

            @Override
            public void handOver(UUID clientId, Collection<UUID> conversationIds) {
            }

            @Override
            public void clientConnected(UUID clientId, String socketId) {
            }
        };
        return idle;
    }

    @Test
    void a_conversation_idle_past_the_limit_closes_and_both_sides_are_told() {
        Conversation stale = conversation(longAgo, true);
        Conversation recent = conversation(Instant.now(), true);
        Conversation waiting = conversation(longAgo, false);

        assertEquals(1, idle().closeIdle(Duration.ofMinutes(30)));

        assertEquals(ConversationState.CLOSED, stale.state());
        assertEquals(ConversationState.BOT, recent.state(), "written in a moment ago");
        assertEquals(ConversationState.QUEUED, waiting.state(), "a queued customer waits for staff, not for an idle close");
        assertEquals(List.of(stale.id() + " CLOSE IDLE"), journal);
        assertEquals(List.of("customer CLOSED", "client CLOSED"), told);
    }

    @Test
    void a_message_after_the_candidates_were_read_keeps_the_conversation_open() {
        Conversation c = conversation(longAgo, true);
        IdleConversations idle = idle();
        Instant before = Instant.now().minus(Duration.ofMinutes(30));
        List<UUID> candidates = idle.candidates(before);
        c.nextSeq(Instant.now()); // the customer writes between the query and the lock

        assertEquals(Optional.empty(), idle.closeIfIdle(candidates.get(0), before));
        assertEquals(ConversationState.BOT, c.state());
    }
}
