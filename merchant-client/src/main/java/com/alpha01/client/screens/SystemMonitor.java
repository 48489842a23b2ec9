package com.alpha01.client.screens;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The app's own footprint for the 状态 screen: resident memory of this JVM and of it together
 * with the Chromium processes it started (Linux {@code /proc}; elsewhere the JVM heap), CPU load
 * of this process, and uptime.
 */
final class SystemMonitor {

    private final Instant started = Instant.now();

    record Figures(long appMb, long totalMb, double cpuPercent, long uptimeSeconds) {
    }

    Figures sample() {
        ProcessHandle self = ProcessHandle.current();
        long app = rssKb(self.pid()).orElseGet(() -> {
            Runtime rt = Runtime.getRuntime();
            return (rt.totalMemory() - rt.freeMemory()) / 1024;
        });
        long total = app + Stream.of(self).flatMap(ProcessHandle::descendants)
                .mapToLong(p -> rssKb(p.pid()).orElse(0)).sum();
        double cpu = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            cpu = os.getProcessCpuLoad() * 100;
        }
        return new Figures(app / 1024, total / 1024, cpu, Duration.between(started, Instant.now()).toSeconds());
    }

    /** VmRSS of a process in KiB, when {@code /proc} has it. */
    static OptionalLong rssKb(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> OptionalLong.of(Long.parseLong(l.replaceAll("[^0-9]", ""))))
                    .orElse(OptionalLong.empty());
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
