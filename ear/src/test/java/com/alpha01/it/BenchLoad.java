package com.alpha01.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * The routing benchmark's load generator, the same for both targets: every customer writes at a
 * fixed rate (open loop: each question leaves at its planned time whether or not the last one was
 * answered, each customer starting at a random phase), then the answers still on their way are
 * waited for (up to the given drain time, or until they stop coming). No timing is asserted; the {@link Tally} says what happened.
 */
final class BenchLoad {

    private static final Logger LOG = Logger.getLogger(BenchLoad.class);
    /** The drain ends when no answer arrived for this long. */
    static final Duration STALL = Duration.ofSeconds(30);

    private BenchLoad() {
    }

    /**
     * Waits while answers still come: until every question sent is answered, or nothing arrived for
     * {@link #STALL}, or {@code max} is up. A backlog is waited out, so a late answer counts as late, not lost.
     */
    private static void drain(Tally tally, long planned, Duration max) {
        long end = System.nanoTime() + max.toNanos();
        long answered = -1;
        long progressAt = System.nanoTime();
        while (tally.sent.get() + tally.unsent.get() < planned || tally.answered() < tally.sent.get()) {
            long now = System.nanoTime();
            if (tally.answered() != answered) {
                answered = tally.answered();
                progressAt = now;
            }
            if (now > end || now - progressAt > STALL.toNanos()) {
                LOG.warnf("%d of %d questions answered when the drain ended", tally.answered(), tally.sent.get());
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    /** What the customers saw during one run. */
    static final class Tally {
        final Latencies ack = new Latencies();
        final Latencies roundTrip = new Latencies();
        final AtomicLong asked = new AtomicLong();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong unsent = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        /** Questions an overloaded node refused for now ({@code UNAVAILABLE}, D44); also in {@link #errors}. */
        final AtomicLong shed = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        /**
         * Questions stored but never answered because the assistant handed their conversation to staff
         * (nobody staffs the benchmark's shop): counted by {@link BenchCustomer#settle} at the end of a run.
         */
        final AtomicLong leftToStaff = new AtomicLong();
        /** Close codes of customer sockets the far end closed (or that failed: 1006), and how many. */
        final Map<Integer, Integer> closes = new ConcurrentHashMap<>();
        private final AtomicLong answered = new AtomicLong();
        private final AtomicLong firstSend = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong lastAnswer = new AtomicLong();

        void answered(long at) {
            answered.incrementAndGet();
            lastAnswer.accumulateAndGet(at, Math::max);
        }

        long answered() {
            return answered.get();
        }

        /** Answers per second from the first question sent to the last answer received. */
        double routedPerSecond() {
            long span = lastAnswer.get() - firstSend.get();
            return span <= 0 ? 0 : answered.get() / (span / 1e9);
        }
    }

    /**
     * {@code customers} each write {@code perCustomer} questions at {@code rate} a second, then the
     * run waits up to {@code drain} for the answers; the tally must be the one the customers report to.
     */
    static void run(List<BenchCustomer> customers, Tally tally, double rate, int perCustomer, Duration drain)
            throws Exception {
        long period = (long) (1e9 / rate);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        tally.firstSend.set(start);
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-load");
            t.setDaemon(true);
            return t;
        });
        try {
            for (BenchCustomer customer : customers) {
                long phase = ThreadLocalRandom.current().nextLong(period);
                for (int k = 0; k < perCustomer; k++) {
                    clock.schedule(customer::ask, start + phase + k * period - System.nanoTime(), TimeUnit.NANOSECONDS);
                }
            }
            long planned = (long) customers.size() * perCustomer;
            Waits.until("every question asked", Duration.ofNanos(period * perCustomer).plusSeconds(30),
                    () -> tally.asked.get() >= planned);
            drain(tally, planned, drain);
        } finally {
            clock.shutdownNow();
        }
    }

    /** Runs {@code task} for 0..count-1 on {@code threads} threads; the results in order, or the first failure. */
    static <T> List<T> inParallel(int threads, int count, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit((Callable<T>) () -> task.run(n)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    interface Task<T> {
        T run(int i) throws Exception;
    }
}
