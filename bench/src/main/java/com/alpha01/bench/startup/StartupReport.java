package com.alpha01.bench.startup;

import com.alpha01.bench.startup.CustomerVisit.Visit;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/** Writes docs/bench/startup.md from the runs: what each figure spans beside it. */
final class StartupReport {

    private record Part(String name, String spans, ToLongFunction<StartRun> ms) {
    }

    private static final List<Part> PARTS = List.of(
            new Part("before the supervisor", "`bin/alpha01 up` until it starts the supervisor: the build check; cold also "
                    + "fetching WildFly, Keycloak and the JDBC driver into `.alpha01/dist` (Maven, from `~/.m2`)",
                    StartRun::supervisorMs),
            new Part("PostgreSQL", "supervisor's start to PostgreSQL ready with the `alpha01` database (cold: unpacking "
                    + "the binaries and `initdb`)", StartRun::postgres),
            new Part("Keycloak", "to `/health/ready` (cold: unpacking the distribution, its first build and the realm "
                    + "import)", StartRun::keycloak),
            new Part("WildFly + EAR", "to `/api/v1/health` answering 200 (cold: unpacking, the `wildfly-config` CLI "
                    + "scripts, the first deployment)", StartRun::wildfly),
            new Part("merchant client", "client JVM started to signed in, registered and the counter code's URL written",
                    StartRun::client),
            new Part("until working", "the supervisor's JVM start, `up`'s status poll (every 0.5 s) and the probes until "
                    + "WildFly logs the client's socket", StartRun::rest),
            new Part("**total to working**", "`bin/alpha01 up` run to every probe answering", StartRun::workingMs),
            new Part("`up` returned", "`bin/alpha01 up` run to its prompt (status `up`)", StartRun::upReturnedMs),
            new Part("merchant client first paint", "client JVM start to the window's first-contentful-paint in JCEF "
                    + "(Xvfb), from its log", r -> r.paint() == null ? -1 : r.paint().ms()),
            new Part("`bin/alpha01 down`", "run to return: everything stopped", StartRun::downMs));

    private StartupReport() {
    }

    static String render(String command, String date, String machine, Map<String, String> pgSettings, StartRun cold,
            List<StartRun> warm, Visit first, Visit repeat) {
        StringBuilder md = new StringBuilder("# Start-up (issue 14)\n\n");
        md.append("Command `").append(command).append("`, ").append(date).append(".  \nMachine: ").append(machine)
                .append("\n\n");
        md.append("The dev stack as `bin/alpha01 up` runs it, on its embedded defaults. Its PostgreSQL runs with ");
        pgSettings.forEach((k, v) -> md.append('`').append(k).append('=').append(v).append("` "));
        md.append("(read with `SHOW` from the running server): the dev stack's settings, **not** the production "
                + "durability of the routing figures; start-up writes little, so they matter little here.\n\n");
        md.append("""
                **Working** means, asked from outside every 100 ms once `up` returned: `GET /api/v1/health` answers
                200 `UP` (its database answers), Keycloak's realm serves its OpenID configuration, WildFly's log says a
                merchant client's socket is connected, and the counter code's URL (the QR code) answers 303 to the
                chat page. **Cold**: `.alpha01/` removed (no servers unpacked, no database, no realm, no client data);
                the OS file cache is warm (a start ran before). **Warm**: the same state started again.
                The merchant client's window runs on the Xvfb the dev stack starts (no GPU).

                """);
        md.append("| part | cold | warm, median (min–max) of ").append(warm.size()).append(" | spans |\n|---|---:|---:|---|\n");
        for (Part p : PARTS) {
            md.append("| ").append(p.name()).append(" | ").append(figure(List.of(cold), p)).append(" | ")
                    .append(figure(warm, p)).append(" | ").append(p.spans()).append(" |\n");
        }
        md.append("\nEach run (ms): ");
        for (StartRun r : concat(cold, warm)) {
            md.append(r.label()).append(" ").append(r.workingMs()).append(" to working, paint ")
                    .append(r.paint() == null ? "–" : r.paint().ms() + " (" + r.paint().kind() + ")").append("; ");
        }
        md.setLength(md.length() - 2);
        md.append(".\n");
        if (first != null) {
            md.append(CustomerPageReport.render(first, repeat));
        }
        return md.toString();
    }

    private static String figure(List<StartRun> runs, Part p) {
        List<Long> values = runs.stream().map(p.ms()::applyAsLong).filter(v -> v >= 0).toList();
        return values.isEmpty() ? "–" : Spread.of(values).seconds();
    }

    private static List<StartRun> concat(StartRun cold, List<StartRun> warm) {
        return Stream.concat(Stream.of(cold), warm.stream()).toList();
    }
}
