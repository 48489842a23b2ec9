package com.alpha01.it;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU time of each process of an end-to-end run, read from {@code /proc/<pid>/stat} (user + system)
 * at the start and end of the timed window: WildFly, PostgreSQL (the postmaster and its backends),
 * Keycloak (each found by the folder it runs from), the Chromium processes the test JVM started
 * (grouped by their {@code --type}: GPU, renderer, other), and the test JVM itself split by its
 * threads' CPU time ({@link ThreadMXBean}): the load generator's and the fake model's threads, and
 * the rest: the merchant app (its JIT and GC included).
 */
final class ProcessCpu {

    static final String WILDFLY = "WildFly";
    static final String POSTGRES = "PostgreSQL";
    static final String KEYCLOAK = "Keycloak";
    static final String APP = "Merchant app JVM (Java side)";
    static final String GPU = "Chromium GPU process";
    static final String RENDERER = "Chromium renderer";
    static final String CHROMIUM_OTHER = "Chromium other (browser helpers, zygote, utility)";
    static final String LOAD = "Load generator (customers)";
    static final String MODEL = "Fake ZhipuAI";
    static final List<String> GROUPS = List.of(WILDFLY, POSTGRES, KEYCLOAK, APP, RENDERER, GPU, CHROMIUM_OTHER, LOAD,
            MODEL);
    /** Clock ticks a second ({@code getconf CLK_TCK}: 100 on every Linux this runs on). */
    private static final double TICKS = 100;
    private static final long SELF = ProcessHandle.current().pid();

    /** The test JVM's threads that are not the merchant app's: by name → the group they count in. */
    private final Map<Predicate<String>, String> threadGroups;

    /** CPU seconds of each group over a window, and how many processes each held. */
    record Usage(Map<String, Double> seconds, Map<String, Integer> processes, double wallSeconds) {

        /** Share of one core over the window, in percent. */
        double percent(String group) {
            return 100 * seconds.getOrDefault(group, 0.0) / wallSeconds;
        }
    }

    ProcessCpu(Map<Predicate<String>, String> threadGroups) {
        this.threadGroups = threadGroups;
    }

    /** Something to time: the load of one phase. */
    interface Work {
        void run() throws Exception;
    }

    /**
     * Runs {@code work} and returns what each group spent meanwhile. The test JVM's threads are sampled
     * every half second as well, so that a thread ending before the end (a load run's clock) still counts.
     */
    Usage during(Work work) throws Exception {
        Map<Long, Double> startThreads = new ConcurrentHashMap<>();
        threads(startThreads, new ConcurrentHashMap<>());
        Processes start = processes();
        Map<Long, Double> threads = new ConcurrentHashMap<>();
        Map<Long, String> named = new ConcurrentHashMap<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-cpu-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> threads(threads, named), 0, 500, TimeUnit.MILLISECONDS);
        try {
            work.run();
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }
        threads(threads, named);
        Processes end = processes();
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Integer> processes = new LinkedHashMap<>();
        GROUPS.forEach(g -> seconds.put(g, 0.0));
        end.cpu().forEach((pid, s) -> {
            String group = end.groups().get(pid);
            seconds.merge(group, s - start.cpu().getOrDefault(pid, 0.0), Double::sum);
            processes.merge(group, 1, Integer::sum);
        });
        threads.forEach((tid, s) -> {
            double used = s - startThreads.getOrDefault(tid, 0.0);
            seconds.merge(named.get(tid), used, Double::sum);
            seconds.merge(APP, -used, Double::sum);
        });
        return new Usage(seconds, processes, (end.nanoTime() - start.nanoTime()) / 1e9);
    }

    /** CPU seconds so far of the test JVM's threads that belong to a group, the highest seen kept. */
    private void threads(Map<Long, Double> cpu, Map<Long, String> named) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            threadGroups.forEach((matches, group) -> {
                if (matches.test(t.getThreadName())) {
                    named.put(t.getThreadId(), group);
                    cpu.merge(t.getThreadId(), Math.max(0, mx.getThreadCpuTime(t.getThreadId())) / 1e9, Math::max);
                }
            });
        }
    }

    /** CPU seconds so far of every process of the run, and the group of each. */
    private record Processes(Map<Long, Double> cpu, Map<Long, String> groups, long nanoTime) {
    }

    private static Processes processes() throws IOException {
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, Double> cpu = new HashMap<>();
        Map<Long, String> cmdlines = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(p.getFileName().toString());
                    parents.put(pid, Long.parseLong(f[1]));
                    cpu.put(pid, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS);
                    cmdlines.put(pid, new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' '));
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            }
        }
        Map<Long, String> groups = new HashMap<>();
        String wildfly = System.getProperty("alpha01.wildfly.home", "\0");
        String keycloak = System.getProperty("alpha01.keycloak.home", "\0");
        String pgData = System.getProperty("alpha01.it.pg.data", "\0");
        Long postmaster = cmdlines.entrySet().stream().filter(e -> e.getValue().contains(pgData)
                && e.getValue().contains("postgres")).map(Map.Entry::getKey).findFirst().orElse(null);
        cmdlines.forEach((pid, cmd) -> {
            String group = null;
            if (pid == SELF) {
                group = APP;
            } else if (cmd.contains(keycloak)) {
                group = KEYCLOAK;
            } else if (cmd.contains(wildfly) && cmd.contains("jboss-modules")) {
                group = WILDFLY;
            } else if (pid.equals(postmaster) || postmaster != null && postmaster.equals(parents.get(pid))) {
                group = POSTGRES;
            } else if (descends(pid, parents)) {
                group = cmd.contains("--type=gpu-process") ? GPU : cmd.contains("--type=renderer") ? RENDERER
                        : cmd.contains("--type=") ? CHROMIUM_OTHER : null;
            }
            if (group != null) {
                groups.put(pid, group);
            }
        });
        cpu.keySet().retainAll(groups.keySet());
        return new Processes(cpu, groups, System.nanoTime());
    }

    private static boolean descends(long pid, Map<Long, Long> parents) {
        Long p = parents.get(pid);
        for (int depth = 0; p != null && p > 1 && depth < 20; depth++) {
            if (p == SELF) {
                return true;
            }
            p = parents.get(p);
        }
        return false;
    }
}
