package com.alpha01.client.ai;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Follow-up tasks the assistant creates for staff (the UI lists them and is told of new ones). */
public final class FollowUps {

    /** At most this many open tasks are kept; the oldest goes first. */
    static final int MAX_OPEN = 500;

    public record FollowUp(String id, String conversationId, String summary, Instant createdAt) {
    }

    private final Clock clock;
    private final List<FollowUp> open = new ArrayList<>();
    private final List<Consumer<FollowUp>> listeners = new CopyOnWriteArrayList<>();

    public FollowUps(Clock clock) {
        this.clock = clock;
    }

    public FollowUp create(String conversationId, String summary) {
        FollowUp task = new FollowUp(UUID.randomUUID().toString(), conversationId, summary.strip(), clock.instant());
        synchronized (open) {
            open.add(task);
            if (open.size() > MAX_OPEN) {
                open.remove(0);
            }
        }
        listeners.forEach(l -> l.accept(task));
        return task;
    }

    /** Tasks kept from an earlier run (no listener is told: they are not new). */
    public void restore(List<FollowUp> tasks) {
        synchronized (open) {
            open.addAll(tasks);
            while (open.size() > MAX_OPEN) {
                open.remove(0);
            }
        }
    }

    public List<FollowUp> open() {
        synchronized (open) {
            return List.copyOf(open);
        }
    }

    /** Marks a task done; false if there was none with this id. */
    public boolean done(String id) {
        synchronized (open) {
            return open.removeIf(t -> t.id().equals(id));
        }
    }

    public void onCreated(Consumer<FollowUp> listener) {
        listeners.add(listener);
    }
}
