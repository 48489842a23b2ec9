package com.alpha01.client.link;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Reads the {@link ServerLink}'s socket: whole text frames go to {@link Inbound}; a close or an error of
 * the link's current socket (not of one it has already dropped) is reported as lost.
 */
final class LinkReceiver implements WebSocket.Listener {

    private static final Logger LOG = Logger.getLogger(LinkReceiver.class);

    private final Inbound inbound;
    private final Predicate<WebSocket> current;
    private final Runnable lost;
    private final StringBuilder partial = new StringBuilder();

    /**
     * @param current whether a socket is the one the link uses now
     * @param lost    what the link does when its socket is gone (schedule a reconnect)
     */
    LinkReceiver(Inbound inbound, Predicate<WebSocket> current, Runnable lost) {
        this.inbound = inbound;
        this.current = current;
        this.lost = lost;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            try {
                inbound.receive(text);
            } catch (RuntimeException e) {
                LOG.error("Handling a frame failed", e);
            }
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        LOG.infof("Server closed the link: %d %s", statusCode, reason);
        if (current.test(ws)) {
            lost.run();
        }
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        LOG.debugf("Link error: %s", error.toString());
        if (current.test(ws)) {
            lost.run();
        }
    }
}
