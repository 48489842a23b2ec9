package com.alpha01.client.ai;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Where today's token count survives a restart; the app backs it with the encrypted store. */
public interface UsageStore {

    /** The day and count last saved, if any. */
    Optional<Saved> load();

    void save(Saved usage);

    record Saved(LocalDate day, long tokens) {
    }

    /** Kept in memory only (tests, or before the encrypted store is open). */
    static UsageStore inMemory() {
        AtomicReference<Saved> saved = new AtomicReference<>();
        return new UsageStore() {
            @Override
            public Optional<Saved> load() {
                return Optional.ofNullable(saved.get());
            }

            @Override
            public void save(Saved usage) {
                saved.set(usage);
            }
        };
    }
}
