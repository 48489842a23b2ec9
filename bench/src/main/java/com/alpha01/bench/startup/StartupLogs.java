package com.alpha01.bench.startup;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the dev stack's own logs say about a start: the supervisor's cumulative marks
 * ({@code .alpha01/logs/devstack.log}), the merchant client's first paint
 * ({@code .alpha01/logs/merchant-client.log}) and WildFly's note that a merchant client's socket is
 * connected ({@code server.log}).
 */
final class StartupLogs {

    private static final Pattern POSTGRES = Pattern.compile("PostgreSQL up after (\\d+) ms");
    private static final Pattern KEYCLOAK = Pattern.compile("Keycloak up after (\\d+) ms");
    private static final Pattern WILDFLY = Pattern.compile("WildFly with the EAR up after (\\d+) ms");
    private static final Pattern UP = Pattern.compile("Dev stack up in (\\d+) ms");
    private static final Pattern PAINT = Pattern.compile("First paint (\\d+) ms after the JVM started \\(([^;)]+)");
    private static final Pattern CLIENT_CONNECTED = Pattern.compile("Client \\S+ connected \\(socket ");

    private StartupLogs() {
    }

    /**
     * The supervisor's marks, each in milliseconds since it began starting: PostgreSQL ready (database
     * made), Keycloak ready (realm imported), WildFly's health answering with the EAR, and the whole stack
     * up (the merchant client signed in, registered and wrote its counter code's URL).
     */
    record DevStackMarks(long postgres, long keycloak, long wildfly, long up) {
    }

    /** The marks of a complete start, or {@code null} while any is missing. */
    static DevStackMarks devStack(List<String> lines) {
        long pg = last(lines, POSTGRES);
        long kc = last(lines, KEYCLOAK);
        long wf = last(lines, WILDFLY);
        long up = last(lines, UP);
        return pg < 0 || kc < 0 || wf < 0 || up < 0 ? null : new DevStackMarks(pg, kc, wf, up);
    }

    /** The client's first paint in milliseconds after its JVM started, and what was measured (e.g. first-contentful-paint). */
    record FirstPaint(long ms, String kind) {
    }

    static FirstPaint firstPaint(List<String> lines) {
        FirstPaint found = null;
        for (String line : lines) {
            Matcher m = PAINT.matcher(line);
            if (m.find()) {
                found = new FirstPaint(Long.parseLong(m.group(1)), m.group(2).strip());
            }
        }
        return found;
    }

    /** Whether WildFly's log (the part written since the start began) says a merchant client's socket is connected. */
    static boolean clientConnected(String serverLogSinceStart) {
        return CLIENT_CONNECTED.matcher(serverLogSinceStart).find();
    }

    private static long last(List<String> lines, Pattern pattern) {
        long value = -1;
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                value = Long.parseLong(m.group(1));
            }
        }
        return value;
    }
}
