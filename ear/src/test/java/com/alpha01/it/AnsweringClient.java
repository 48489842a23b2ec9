package com.alpha01.it;

import com.alpha01.client.answering.AutoResponder;
import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.faq.FaqResponder;
import com.alpha01.client.link.LinkState;
import com.alpha01.client.link.ServerLink;
import com.alpha01.protocol.Frame;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

/**
 * A merchant client as the product runs it, for a test: the client's own link to the server and
 * its FAQ answering through it, connected before {@link #online} returns.
 */
final class AnsweringClient implements AutoCloseable {

    private final AutoResponder bot;
    private final ServerLink link;

    private AnsweringClient(AutoResponder bot, ServerLink link) {
        this.bot = bot;
        this.link = link;
    }

    /** Connects client {@code clientId} signed in as {@code staff}; {@code seen} gets every message it shows. */
    static AnsweringClient online(String clientId, KeycloakSession staff, Consumer<Frame.Message> seen)
            throws Exception {
        return online(clientId, staff, seen, List.of(TestEnvironment.serverUri()));
    }

    /** The same, for a cluster: the link tries {@code servers} in turn (the first while it answers). */
    static AnsweringClient online(String clientId, KeycloakSession staff, Consumer<Frame.Message> seen,
            List<URI> servers) throws Exception {
        AutoResponder bot = new AutoResponder(FaqResponder.builtIn(), AutoResponder.messagesTo(seen));
        ServerLink link = new ServerLink(servers, clientId, staff, bot);
        bot.attach(link);
        link.start();
        Waits.until("merchant client " + clientId + " online", () -> link.state() == LinkState.ONLINE);
        return new AnsweringClient(bot, link);
    }

    ServerLink link() {
        return link;
    }

    /** Gone at once, as when the shop's PC is switched off; safe to call twice. */
    @Override
    public void close() {
        link.close();
        bot.close();
    }
}
