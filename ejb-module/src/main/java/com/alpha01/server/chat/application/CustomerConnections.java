package com.alpha01.server.chat.application;

import com.alpha01.protocol.CloseCodes;
import com.alpha01.server.chat.domain.ConversationState;
import com.alpha01.server.platform.config.ServerConfig;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/** A customer's browser tab opens and closes its socket. Outside any transaction, like {@link ClientConnections}. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CustomerConnections {

    private static final Logger LOG = Logger.getLogger(CustomerConnections.class);

    /** Messages a new tab gets when it opens without saying what it holds. */
    static final int HISTORY = 50;

    @Inject
    CustomerEntryService entry;

    @Inject
    PeerRegistry peers;

    @Inject
    ChatService chat;

    @Inject
    Ratings ratings;

    /**
     * A tab opened with {@code ticket}: empty (and nothing sent) when the ticket is unknown, used or
     * expired, or — the channel then closed with 4004 — when the conversation has as many tabs open on
     * this node as {@link ServerConfig#customerTabs()} allows. Otherwise the tab is welcomed ({@code peerId}), gets the conversation's latest
     * messages — or, with {@code since}, every message after that seq (a reconnecting page) — then
     * the conversation's state.
     */
    public Optional<CustomerEntryService.Grant> connect(String ticket, OptionalLong since, String peerId,
                                                        PeerChannel channel) {
        Optional<CustomerEntryService.Grant> grant = ticket == null ? Optional.empty() : entry.redeem(ticket);
        if (grant.isEmpty()) {
            return grant;
        }
        var conversationId = grant.get().conversationId();
        if (!peers.attachCustomer(conversationId, channel, ServerConfig.customerTabs())) {
            LOG.debugf("Customer socket %s refused: conversation %s has its tabs open already", channel.id(),
                    conversationId);
            channel.close(CloseCodes.TOO_MANY_TABS, "this chat is open in too many tabs");
            return Optional.empty();
        }
        ChatService.ConversationView view = chat.describe(conversationId);
        channel.send(new Outbound.Welcome(peerId, view.merchantId(), view.merchantName(), conversationId,
                view.welcomeLine()));
        (since.isPresent() ? chat.since(conversationId, since.getAsLong()) : chat.recent(conversationId, HISTORY))
                .forEach(channel::send);
        if (view.state() == ConversationState.CLOSED) {
            // Before the state: a page that sees CLOSED already knows whether to ask for a rating.
            ratings.ofClosed(conversationId).ifPresent(channel::send);
        }
        channel.send(new Outbound.State(conversationId, view.state(), null));
        LOG.debugf("Customer socket %s opened on conversation %s", channel.id(), conversationId);
        return grant;
    }

    public void disconnect(CustomerEntryService.Grant grant, PeerChannel channel) {
        peers.detachCustomer(grant.conversationId(), channel);
    }
}
