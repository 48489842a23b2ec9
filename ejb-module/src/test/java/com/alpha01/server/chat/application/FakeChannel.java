package com.alpha01.server.chat.application;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** A peer's socket for the unit tests: open until closed, keeping what was sent to it while open. */
final class FakeChannel implements PeerChannel {

    private final String id;
    final List<Outbound> sent = new CopyOnWriteArrayList<>();
    volatile boolean open = true;

    FakeChannel() {
        this(UUID.randomUUID().toString());
    }

    FakeChannel(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean send(Outbound outbound) {
        if (open) {
            sent.add(outbound);
        }
        return open;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean probe(Duration deadAfter) {
        return open;
    }

    @Override
    public void close(int code, String reason) {
        open = false;
    }
}
