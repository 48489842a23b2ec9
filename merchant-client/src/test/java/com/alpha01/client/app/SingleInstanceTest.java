package com.alpha01.client.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceTest {

    @TempDir
    Path home;

    @Test
    void a_second_start_is_refused_and_brings_the_first_to_the_front_and_the_lock_is_free_after_close()
            throws Exception {
        CountDownLatch activated = new CountDownLatch(1);
        Optional<SingleInstance> first = SingleInstance.acquire(home, activated::countDown);
        assertTrue(first.isPresent());
        Optional<SingleInstance> second = SingleInstance.acquire(home, () -> { });
        assertTrue(second.isEmpty(), "a second instance must not start");
        assertTrue(activated.await(10, TimeUnit.SECONDS), "the running instance was not asked to come to the front");
        first.get().close();
        Optional<SingleInstance> third = SingleInstance.acquire(home, () -> { });
        assertTrue(third.isPresent(), "after the first closed, the app can start again");
        third.get().close();
    }
}
