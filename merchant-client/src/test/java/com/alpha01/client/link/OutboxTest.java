package com.alpha01.client.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreKey;
import com.alpha01.protocol.Frame;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    private static final StoreKey KEY = StoreKey.passphrase("outbox-test".toCharArray());
    private static final String C = "4b0e8d7a-0000-4000-8000-0000000000c1";

    @TempDir
    Path dir;

    private Outbox kept() throws Exception {
        Outbox outbox = new Outbox();
        outbox.persistIn(EncryptedStore.open(dir, KEY));
        return outbox;
    }

    @Test
    void a_reply_written_offline_survives_a_restart_and_leaves_once_acknowledged() throws Exception {
        kept().add(new Frame.Reply("reply-01", C, "您好", Frame.Sender.STAFF, 3L));

        Outbox afterRestart = kept();
        assertEquals(1, afterRestart.size());
        Frame.Reply waiting = afterRestart.waiting().iterator().next();
        assertEquals(new Frame.Reply("reply-01", C, "您好", Frame.Sender.STAFF, 3L), waiting);

        afterRestart.acknowledged(new Frame.Ack("reply-01", C, 4));
        assertEquals(0, afterRestart.size());
        assertEquals(0, kept().size(), "the acknowledgement is kept too: nothing goes twice");
    }

    @Test
    void an_acknowledged_reply_leaves_the_saved_outbox_with_the_next_write_or_once_it_is_empty() throws Exception {
        Outbox outbox = kept();
        outbox.add(new Frame.Reply("reply-0a", C, "一", Frame.Sender.BOT, 3L));
        outbox.add(new Frame.Reply("reply-0b", C, "二", Frame.Sender.BOT, 5L));
        outbox.acknowledged(new Frame.Ack("reply-0a", C, 4));
        assertEquals(List.of("reply-0a", "reply-0b"), kept().waiting().stream().map(Frame.Reply::id).toList(),
                "still saved: after a crash it would go once more, and the server keeps each id once");
        outbox.add(new Frame.Reply("reply-0c", C, "三", Frame.Sender.STAFF, 7L));
        assertEquals(List.of("reply-0b", "reply-0c"), kept().waiting().stream().map(Frame.Reply::id).toList(),
                "the next write leaves it out");
        outbox.acknowledged(new Frame.Ack("reply-0b", C, 6));
        outbox.refused("reply-0c", "CONFLICT");
        assertEquals(0, kept().size(), "an outbox that empties is saved empty at once");
    }

    @Test
    void replies_wait_and_go_again_in_the_order_they_were_written() throws Exception {
        Outbox outbox = kept();
        List<String> ids = IntStream.range(0, 24).mapToObj(i -> "reply-" + Integer.toString((i * 7919) % 997, 36) + "-q")
                .toList();
        for (String id : ids) {
            outbox.add(new Frame.Reply(id, C, "第 " + id, Frame.Sender.STAFF, 3L));
        }
        assertEquals(ids, outbox.waiting().stream().map(Frame.Reply::id).toList());
        assertEquals(ids, kept().waiting().stream().map(Frame.Reply::id).toList(), "the same order after a restart");
    }

    @Test
    void the_acknowledgement_completes_the_senders_future_and_a_refusal_fails_it() throws Exception {
        Outbox outbox = new Outbox();
        CompletableFuture<Frame.Ack> stored = outbox.add(new Frame.Reply("reply-01", C, "a", Frame.Sender.BOT));
        CompletableFuture<Frame.Ack> refused = outbox.add(new Frame.Reply("reply-02", C, "b", Frame.Sender.BOT));
        outbox.acknowledged(new Frame.Ack("someone-elses", C, 9));
        assertEquals(2, outbox.size(), "an ack of another reply leaves ours waiting");

        outbox.acknowledged(new Frame.Ack("reply-01", C, 5));
        outbox.refused("reply-02", "BAD_FRAME: too long");
        outbox.refused(null, "not about a reply");

        assertEquals(5, stored.join().seq());
        ExecutionException e = assertThrows(ExecutionException.class, refused::get);
        assertEquals("BAD_FRAME: too long", e.getCause().getMessage());
        assertEquals(List.of(), List.copyOf(outbox.waiting()));
    }

    @Test
    void an_unreadable_saved_outbox_starts_empty() throws Exception {
        EncryptedStore store = EncryptedStore.open(dir, KEY);
        store.putString(Outbox.RECORD, "not json");
        Outbox outbox = new Outbox();
        outbox.persistIn(store);
        assertEquals(0, outbox.size());
        assertFalse(outbox.add(new Frame.Reply("reply-03", C, "c", Frame.Sender.STAFF)).isDone());
        assertTrue(store.getString(Outbox.RECORD).orElseThrow().contains("reply-03"), "saved over the unreadable one");
    }
}
