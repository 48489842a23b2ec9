package com.alpha01.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SupervisorTest {

    /** A part the test kills by hand. */
    private static final class Fake implements Supervisor.Part {
        final long pid;
        boolean alive = true;
        boolean closed;

        Fake(long pid) {
            this.pid = pid;
        }

        @Override
        public boolean alive() {
            return alive && !closed;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final AtomicLong clock = new AtomicLong();
    private final Supervisor supervisor = new Supervisor(clock::get);
    private final AtomicInteger starts = new AtomicInteger();

    private void advance(Duration d) {
        clock.addAndGet(d.toNanos());
    }

    private Fake startFake() {
        return new Fake(100 + starts.incrementAndGet());
    }

    @Test
    void a_part_that_stops_is_started_again_after_the_back_off_and_the_summary_says_so() {
        Fake first = supervisor.watch("postgres", new Fake(42), this::startFake);
        assertFalse(supervisor.check(), "all up: nothing changed");
        assertEquals("postgres=up", supervisor.summary().get("parts"));

        first.alive = false;
        assertTrue(supervisor.check());
        assertEquals("postgres=restarting", supervisor.summary().get("parts"));
        assertFalse(supervisor.allUp());
        assertEquals(0, starts.get(), "not before the back-off");

        advance(Supervisor.FIRST_BACKOFF);
        assertTrue(supervisor.check());
        assertEquals(1, starts.get());
        assertTrue(supervisor.allUp());
        assertEquals("postgres=1", supervisor.summary().get("restarts"));
        assertTrue(supervisor.summary().get("pids").endsWith("postgres=101"), supervisor.summary().get("pids"));
    }

    @Test
    void a_start_that_keeps_failing_backs_off_doubling_up_to_a_minute() {
        Fake part = supervisor.watch("keycloak", new Fake(7), () -> {
            starts.incrementAndGet();
            throw new IllegalStateException("port taken");
        });
        part.alive = false;
        supervisor.check();
        long[] waits = {2, 4, 8, 16, 32, 60, 60};
        for (long wait : waits) {
            advance(Duration.ofSeconds(wait).minusMillis(1));
            int before = starts.get();
            supervisor.check();
            assertEquals(before, starts.get(), "no try before " + wait + " s");
            advance(Duration.ofMillis(1));
            supervisor.check();
            assertEquals(before + 1, starts.get(), "a try after " + wait + " s");
        }
        assertEquals("keycloak=restarting", supervisor.summary().get("parts"));
    }

    @Test
    void a_part_that_ran_a_minute_starts_from_the_short_back_off_again() {
        Fake[] current = {supervisor.watch("wildfly", new Fake(9), () -> null)};
        Supervisor other = new Supervisor(clock::get);
        Fake part = other.watch("client", new Fake(1), () -> {
            current[0] = startFake();
            return current[0];
        });
        part.alive = false;
        other.check();
        advance(Supervisor.FIRST_BACKOFF);
        other.check();
        current[0].alive = false;
        other.check();
        advance(Supervisor.FIRST_BACKOFF);
        other.check();
        assertEquals(1, starts.get(), "died again at once: the back-off doubled to 4 s");
        advance(Duration.ofSeconds(2));
        other.check();
        assertEquals(2, starts.get());

        advance(Supervisor.STEADY);
        other.check();
        current[0].alive = false;
        other.check();
        advance(Supervisor.FIRST_BACKOFF);
        other.check();
        assertEquals(3, starts.get(), "after a minute up, 2 s again");
    }

    @Test
    void closing_stops_every_part_the_last_first_and_the_dead_one_is_closed_before_its_restart() {
        Fake a = supervisor.watch("a", new Fake(1), this::startFake);
        Fake b = supervisor.watch("b", new Fake(2), this::startFake);
        b.alive = false;
        supervisor.check();
        assertTrue(b.closed, "what is left of a stopped part is cleaned up before it starts again");

        supervisor.closeAll();

        assertTrue(a.closed);
    }
}
