package com.alpha01.it;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Gatling recorded of a run: its {@code simulation.log}, read back. Since 3.12 that file is
 * binary (Gatling's {@code LogFileDataWriter}: a run record, then user, request, group and error
 * records, times in ms since the run's start, strings cached by index); its own reader is Scala and
 * internal, so this reads the same format for the version the bench module pins and refuses any
 * other. Per request name (and per group): OK and KO counts, the response times Gatling measured,
 * the span from first start to last end, and the KO messages.
 */
final class GatlingLog {

    private static final int RUN = 0;
    private static final int REQUEST = 1;
    private static final int USER = 2;
    private static final int GROUP = 3;
    private static final int ERROR = 4;
    /** Java's UTF-16 strings are in the machine's byte order, and Gatling writes them as they are in memory. */
    private static final Charset UTF16 = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN
            ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;

    /** One request name's (or group's) records: response times in ms, counts, span, KO messages. */
    static final class Kind {
        final Latencies times = new Latencies();
        long ok;
        long ko;
        private long firstStart = Long.MAX_VALUE;
        private long lastEnd = Long.MIN_VALUE;
        final Map<String, Integer> errors = new TreeMap<>();

        private void add(long start, long end, boolean isOk, String message) {
            times.add((end - start) * 1_000_000L);
            firstStart = Math.min(firstStart, start);
            lastEnd = Math.max(lastEnd, end);
            if (isOk) {
                ok++;
            } else {
                ko++;
                errors.merge(message.isEmpty() ? "(no message)" : message, 1, Integer::sum);
            }
        }

        long count() {
            return ok + ko;
        }

        /** Records per second from the first one's start to the last one's end (NaN for fewer than two). */
        double perSecond() {
            long span = lastEnd - firstStart;
            return span <= 0 || count() < 2 ? Double.NaN : count() / (span / 1000.0);
        }
    }

    final String gatlingVersion;
    final String simulation;
    final Map<String, Kind> requests = new LinkedHashMap<>();
    final Map<String, Kind> groups = new LinkedHashMap<>();
    /** Gatling's error records: actions that crashed before making a request (a missing attribute, no open socket…). */
    final Map<String, Integer> crashes = new TreeMap<>();
    long usersStarted;
    long usersEnded;

    private final Map<Integer, String> strings = new HashMap<>();
    private final DataInputStream in;

    private GatlingLog(DataInputStream in, String expectedVersion) throws IOException {
        this.in = in;
        if (in.read() != RUN) {
            throw new IOException("not a Gatling simulation.log: no run record first");
        }
        gatlingVersion = string();
        if (!gatlingVersion.equals(expectedVersion)) {
            throw new IOException("simulation.log of Gatling " + gatlingVersion + ", this reader knows " + expectedVersion);
        }
        simulation = string();
        in.readLong(); // run start (epoch ms)
        string(); // run description
        for (int i = in.readInt(); i > 0; i--) {
            string(); // scenario names
        }
        for (int i = in.readInt(); i > 0; i--) {
            in.skipNBytes(in.readInt()); // assertions, pickled
        }
    }

    /** Reads {@code log}, written by Gatling {@code version}. */
    static GatlingLog read(Path log, String version) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(log)))) {
            GatlingLog result = new GatlingLog(in, version);
            result.records();
            return result;
        }
    }

    private void records() throws IOException {
        for (int header = in.read(); header != -1; header = in.read()) {
            try {
                switch (header) {
                    case REQUEST -> {
                        String group = groups();
                        String name = cachedString();
                        long start = in.readInt();
                        long end = in.readInt();
                        boolean ok = in.readBoolean();
                        String message = cachedString();
                        requests.computeIfAbsent(group.isEmpty() ? name : group + " / " + name, n -> new Kind())
                                .add(start, end, ok, message);
                    }
                    case GROUP -> {
                        String group = groups();
                        long start = in.readInt();
                        long end = in.readInt();
                        in.readInt(); // cumulated response time
                        groups.computeIfAbsent(group, n -> new Kind()).add(start, end, in.readBoolean(), "");
                    }
                    case USER -> {
                        in.readInt(); // scenario
                        if (in.readBoolean()) {
                            usersStarted++;
                        } else {
                            usersEnded++;
                        }
                        in.readInt(); // timestamp
                    }
                    case ERROR -> {
                        crashes.merge(cachedString(), 1, Integer::sum);
                        in.readInt(); // timestamp
                    }
                    default -> throw new IOException("unknown record " + header + " in simulation.log");
                }
            } catch (EOFException e) {
                throw new IOException("simulation.log ends inside a record", e);
            }
        }
    }

    /** KO requests and crashed actions together: a clean run has none. */
    long failures() {
        return requests.values().stream().mapToLong(k -> k.ko).sum() + crashes.values().stream().mapToLong(n -> n).sum();
    }

    /** Every KO message and crash, with its count. */
    String failureList() {
        StringBuilder sb = new StringBuilder();
        requests.forEach((name, kind) -> kind.errors.forEach((m, n) -> sb.append(name).append(": ").append(m)
                .append(" ×").append(n).append("; ")));
        crashes.forEach((m, n) -> sb.append("crash: ").append(m).append(" ×").append(n).append("; "));
        return sb.toString();
    }

    private String groups() throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            names.add(cachedString());
        }
        return String.join(" / ", names);
    }

    private String cachedString() throws IOException {
        int index = in.readInt();
        if (index < 0) {
            String cached = strings.get(-index);
            if (cached == null) {
                throw new IOException("simulation.log refers to string " + -index + " before defining it");
            }
            return cached;
        }
        String value = string();
        strings.put(index, value);
        return value;
    }

    /** Length, the String's internal bytes, then its coder (0 Latin-1, 1 UTF-16); nothing after an empty one. */
    private String string() throws IOException {
        int length = in.readInt();
        if (length == 0) {
            return "";
        }
        byte[] bytes = in.readNBytes(length);
        return new String(bytes, in.readByte() == 0 ? StandardCharsets.ISO_8859_1 : UTF16);
    }
}
