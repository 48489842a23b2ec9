package com.alpha01.client.session;

import com.alpha01.client.answering.AutoResponder;
import com.alpha01.client.link.ServerLink;
import com.alpha01.client.settings.AppSettings;
import com.alpha01.client.store.EncryptedStore;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The link for this device, made once per registration together with a fresh auto-responder that
 * answers through it; its outbox is kept in the encrypted store. Closed at sign-out and at the end.
 */
final class LinkLifecycle {

    private final AppSettings settings;
    private final EncryptedStore store;
    private final Supplier<String> accessToken;
    private final Supplier<AutoResponder> responders;
    private volatile ServerLink link;
    private volatile AutoResponder responder;

    LinkLifecycle(AppSettings settings, EncryptedStore store, Supplier<String> accessToken,
            Supplier<AutoResponder> responders) {
        this.settings = settings;
        this.store = store;
        this.accessToken = accessToken;
        this.responders = responders;
    }

    Optional<ServerLink> current() {
        return Optional.ofNullable(link);
    }

    /** The link of client {@code clientId}: the current one, or a new one (replacing another client's). */
    synchronized ServerLink ensure(String clientId) {
        ServerLink l = link;
        if (l != null && l.clientId().equals(clientId)) {
            return l;
        }
        close();
        AutoResponder r = responders.get();
        l = new ServerLink(settings.serverUrls(), clientId, accessToken, r);
        l.reportFrom(r.tally());
        r.attach(l);
        l.persistOutboxIn(store);
        responder = r;
        link = l;
        l.start();
        return l;
    }

    synchronized void close() {
        ServerLink l = link;
        AutoResponder r = responder;
        link = null;
        responder = null;
        if (l != null) {
            l.close();
        }
        if (r != null) {
            r.close();
        }
    }
}
