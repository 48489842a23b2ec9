package com.alpha01.client.link;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.store.EncryptedStore;
import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import com.alpha01.protocol.ProtocolException;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Replies waiting for the server's acknowledgement, where replies written offline wait. Each
 * stays until the server has stored it (an {@code ack}) or refused it (an {@code error} naming
 * it); the link sends them all again after every reconnect, with the same id, so the server keeps
 * each once. Kept in the encrypted store (record {@value #RECORD}) when given one, so that they
 * survive a restart.
 */
public final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    static final String RECORD = "outbox";

    /** In the order the replies were written: after a reconnect they go out, and show, in that order. */
    private final Map<String, Pending> waiting = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile EncryptedStore store;

    private record Pending(Frame.Reply frame, CompletableFuture<Frame.Ack> acked) {
    }

    /**
     * Keeps the outbox in {@code store} from now on, and loads what an earlier run left there
     * (an unreadable record is logged and skipped: the outbox starts empty).
     */
    public void persistIn(EncryptedStore store) {
        this.store = store;
        try {
            store.getString(RECORD).ifPresent(json -> {
                try (var reader = JSON.createReader(new StringReader(json))) {
                    for (var value : reader.readArray()) {
                        Frame frame = FrameCodec.decode(((JsonString) value).getString());
                        if (frame instanceof Frame.Reply reply) {
                            waiting.put(reply.id(), new Pending(reply, new CompletableFuture<>()));
                        }
                    }
                } catch (ProtocolException | RuntimeException e) {
                    LOG.warnf("The saved outbox could not be read (%s); starting empty", e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warnf("The saved outbox could not be read (%s); starting empty", e.getMessage());
        }
        if (!waiting.isEmpty()) {
            LOG.infof("%d replies written offline will be sent when connected", waiting.size());
        }
    }

    /** Holds {@code reply} until the server answers for it; the future completes with its {@code ack}. */
    public CompletableFuture<Frame.Ack> add(Frame.Reply reply) {
        Pending pending = new Pending(reply, new CompletableFuture<>());
        waiting.put(reply.id(), pending);
        save();
        return pending.acked();
    }

    /**
     * The server stored reply {@code ack.id()}: it leaves the outbox. The saved outbox follows when it
     * is next written (the next reply) or at once when it is now empty: a reply acknowledged but still
     * saved would only go once more after a crash, and the server keeps each id once — while writing the
     * whole encrypted outbox twice per reply was a third of the app's answering time (issue 14's profile).
     */
    public void acknowledged(Frame.Ack ack) {
        Pending p = waiting.remove(ack.id());
        if (p != null) {
            saveIfEmpty();
            p.acked().complete(ack);
        }
    }

    /** The server refused reply {@code id} (no id: none of ours); it leaves the outbox, failed. */
    public void refused(String id, String reason) {
        Pending p = id == null ? null : waiting.remove(id);
        if (p != null) {
            saveIfEmpty();
            p.acked().completeExceptionally(new IllegalStateException(reason));
        }
    }

    /** The replies still waiting, to send (again). */
    public Collection<Frame.Reply> waiting() {
        synchronized (waiting) {
            return waiting.values().stream().map(Pending::frame).toList();
        }
    }

    public int size() {
        return waiting.size();
    }

    private void saveIfEmpty() {
        if (waiting.isEmpty()) {
            save();
        }
    }

    private void save() {
        EncryptedStore s = store;
        if (s == null) {
            return;
        }
        try {
            synchronized (waiting) { // one snapshot at a time: the last write holds the latest outbox
                var array = JSON.createArrayBuilder();
                waiting.values().forEach(p -> array.add(FrameCodec.encode(p.frame())));
                s.putString(RECORD, array.build().toString());
            }
        } catch (IOException e) {
            LOG.warnf("The outbox could not be saved: %s", e.getMessage());
        }
    }
}
