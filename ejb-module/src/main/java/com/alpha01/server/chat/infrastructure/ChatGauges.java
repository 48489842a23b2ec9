package com.alpha01.server.chat.infrastructure;

import com.alpha01.server.chat.application.PeerRegistry;
import com.alpha01.server.chat.domain.ConversationRepository;
import com.alpha01.server.platform.messaging.DeadLetterWatch;
import com.alpha01.server.platform.metrics.Meters;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The chat's gauges: sockets this node holds (by kind), conversations waiting with no client of
 * their shop online and in how many shops (the cluster's, from PostgreSQL), and this node's dead
 * letters. Read every 10 s into fields, so a scrape reads memory only and never waits for the
 * database or a JMS browser.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ChatGauges {

    private static final Logger LOG = Logger.getLogger(ChatGauges.class);

    @Inject
    Meters meters;

    @Inject
    PeerRegistry peers;

    @Inject
    ConversationRepository conversations;

    @Inject
    DeadLetterWatch deadLetters;

    private volatile int clientSockets;
    private volatile int customerSockets;
    private volatile long queued;
    private volatile long shopsWaiting;
    private volatile int deadLettersWaiting;

    @PostConstruct
    void register() {
        meters.gauge("alpha01.sockets.open", () -> clientSockets, "kind", "client");
        meters.gauge("alpha01.sockets.open", () -> customerSockets, "kind", "customer");
        meters.gauge("alpha01.conversations.queued", () -> queued);
        meters.gauge("alpha01.shops.waiting.without.client", () -> shopsWaiting);
        meters.gauge("alpha01.dead.letters", () -> deadLettersWaiting);
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "alpha01-gauges")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void read() {
        clientSockets = peers.clientCount();
        customerSockets = peers.customerCount();
        deadLettersWaiting = deadLetters.waiting();
        try {
            ConversationRepository.Waiting waiting = conversations.waiting();
            queued = waiting.conversations();
            shopsWaiting = waiting.shops();
        } catch (RuntimeException e) {
            LOG.debugf("Gauges: the database did not answer (%s); the last counts stay", e.toString());
        }
    }
}
