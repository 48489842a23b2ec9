package com.alpha01.it;

import com.alpha01.client.link.LinkListener;
import com.alpha01.client.link.LinkState;
import com.alpha01.client.link.ServerLink;
import com.alpha01.protocol.Frame;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A merchant client for the routing benchmark: the product's own {@link ServerLink}, no window and
 * no AI, answering every customer message at once, on the link's thread, with one fixed text.
 */
final class FixedAnswerer implements LinkListener, AutoCloseable {

    static final String ANSWER = "您好，本店营业时间为每天 9:00–21:00。";

    private final ServerLink link;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong duplicates;
    private final AtomicLong errors;
    private final Consumer<LinkState> states;

    private FixedAnswerer(List<URI> servers, String clientId, Supplier<String> staffToken, AtomicLong duplicates,
            AtomicLong errors, Consumer<LinkState> states) {
        this.duplicates = duplicates;
        this.errors = errors;
        this.states = states;
        this.link = new ServerLink(servers, clientId, staffToken, this);
    }

    /**
     * Client {@code clientId} online on {@code server} (a node's base URI); messages it is handed twice
     * and errors it gets go to the counters.
     */
    static FixedAnswerer online(URI server, String clientId, Supplier<String> staffToken, AtomicLong duplicates,
            AtomicLong errors) throws Exception {
        return online(List.of(server), clientId, staffToken, duplicates, errors, state -> { });
    }

    /** The same on a cluster (the link tries {@code servers} in turn), telling {@code states} each change of the link. */
    static FixedAnswerer online(List<URI> servers, String clientId, Supplier<String> staffToken, AtomicLong duplicates,
            AtomicLong errors, Consumer<LinkState> states) throws Exception {
        FixedAnswerer answerer = new FixedAnswerer(servers, clientId, staffToken, duplicates, errors, states);
        answerer.link.start();
        Waits.until("bench client " + clientId + " online", () -> answerer.link.state() == LinkState.ONLINE);
        return answerer;
    }

    @Override
    public void onState(LinkState state) {
        states.accept(state);
    }

    @Override
    public void onMessage(Frame.Message message) {
        if (message.sender() != Frame.Sender.CUSTOMER) {
            return;
        }
        if (!seen.add(message.conversationId() + "/" + message.seq())) {
            duplicates.incrementAndGet();
            return;
        }
        link.reply(message.conversationId(), ANSWER, Frame.Sender.BOT, message.seq(), null, Frame.AnswerKind.AI);
    }

    @Override
    public void onError(Frame.Error error) {
        errors.incrementAndGet();
    }

    @Override
    public void close() {
        link.close();
    }
}
