package com.alpha01.devstack;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping child processes politely: the whole tree, SIGTERM first, SIGKILL after a grace period. */
public final class Processes {

    private Processes() {
    }

    public static void stop(Process process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
