package com.alpha01.server.chat.application;

import com.alpha01.server.chat.domain.DeliveryReceipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of {@code delivered} receipts: every message is followed by one, so under load they
 * are written many per transaction. A receipt joins the queue; the first caller to get the writer
 * lock records everything queued in one statement ({@link ChatService#delivered}), and callers that
 * find theirs written while they waited return at once. Alone, a receipt is written at once, as
 * before: nothing waits for a timer. Each caller still learns whether its own receipt was rightful
 * (or the error that stopped its batch), so a wrong receipt is refused to its sender as before.
 */
@ApplicationScoped
public class DeliveredReceipts {

    /** At most this many receipts per statement (a larger queue is written by the next callers). */
    static final int MAX_BATCH = 500;

    @Inject
    ChatService chat;

    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    /** Returns true when the receipt is rightful (recorded now or before), false when it is wrong (see {@link ChatService#checkDelivered}). */
    public boolean record(DeliveryReceipt receipt) {
        Pending mine = new Pending(receipt);
        queue.add(mine);
        writer.lock();
        try {
            while (!mine.done) {
                write();
            }
        } finally {
            writer.unlock();
        }
        // Written under the lock by whichever caller held it; read after taking it ourselves.
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.rightful;
    }

    /** Receipts waiting to be written (for tests). */
    int queued() {
        return queue.size();
    }

    /** Writes the queue's head: up to {@link #MAX_BATCH} of the receipts queued longest. */
    private void write() {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        try {
            Set<DeliveryReceipt> rightful = chat.delivered(batch.stream().map(p -> p.receipt).toList());
            batch.forEach(p -> p.rightful = rightful.contains(p.receipt));
        } catch (RuntimeException e) {
            batch.forEach(p -> p.failure = e);
        }
        batch.forEach(p -> p.done = true);
    }

    private static final class Pending {
        final DeliveryReceipt receipt;
        boolean done;
        boolean rightful;
        RuntimeException failure;

        Pending(DeliveryReceipt receipt) {
            this.receipt = receipt;
        }
    }
}
