package com.alpha01.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The one-command dev stack ({@code bin/alpha01 up}): PostgreSQL, Keycloak with the realm,
 * WildFly with the EAR and the merchant client, all on 127.0.0.1, state under {@code .alpha01/}.
 * This process supervises them: it stays in the foreground (the script puts it in the background),
 * starts again any part that stops (with a back-off, {@link Supervisor}; the status file says so), and
 * stops everything in reverse order on SIGTERM, so one PID stops the whole stack.
 */
public final class DevStack {

    private static final Logger LOG = Logger.getLogger(DevStack.class);

    /** How often the supervisor looks at the parts. */
    private static final Duration WATCH_EVERY = Duration.ofSeconds(2);

    private final DevStackConfig config;
    private final Supervisor supervisor = new Supervisor(System::nanoTime);
    private final Map<String, String> facts = new LinkedHashMap<>();
    private volatile boolean stopping;

    private DevStack(DevStackConfig config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        DevStackConfig config = DevStackConfig.fromEnvironment(Path.of(args.length > 0 ? args[0] : "."));
        DevStack stack = new DevStack(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "alpha01-devstack-stop"));
        try {
            stack.start();
        } catch (Exception e) {
            LOG.errorf("Dev stack did not start: %s", e.getMessage());
            config.writeStatus("failed", Map.of("error", String.valueOf(e.getMessage())));
            System.exit(1);
        }
        while (!stopped.await(WATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
            stack.watch();
        }
    }

    /** One look at every part; the status file is rewritten when something changed. */
    private synchronized void watch() {
        if (stopping) {
            return;
        }
        try {
            if (supervisor.check()) {
                writeStatus();
            }
        } catch (IOException e) {
            LOG.warnf("status file not written: %s", e.getMessage());
        }
    }

    private void writeStatus() throws IOException {
        Map<String, String> all = new LinkedHashMap<>(facts);
        all.putAll(supervisor.summary());
        config.writeStatus(supervisor.allUp() ? "up" : "degraded", all);
    }

    private void start() throws Exception {
        long t0 = System.nanoTime();
        config.writeStatus("starting", Map.of());
        Path state = config.stateDir();

        Supervisor.Starter startPg = () -> {
            PostgresServer server = PostgresServer.start(state.resolve("postgres"), config.pgPort(), false,
                    "alpha01", "alpha01", config.dbPassword(), PostgresServer.DURABLE);
            return new Supervisor.Running(server::alive, server::pid, server::close);
        };
        supervisor.watch("postgres", startPg.start(), startPg);
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + config.pgPort() + "/alpha01";
        LOG.infof("PostgreSQL up after %d ms", elapsed(t0));

        // WildFly's https listener always has this certificate (configure-tls.cli needs one); with ALPHA01_DEV_TLS=false
        // nothing points anyone at it.
        LocalCa ca = LocalCa.ensure(config.tlsDir(), config.tlsPassword());
        LocalCa tls = config.tls() ? ca : null;
        KeycloakServer.Demo demo = new KeycloakServer.Demo(config.serverClientSecret(), tls, List.of(config.publicUrl()));
        Path kcHome = state.resolve("keycloak");
        KeycloakServer.install(config.keycloakZip(), kcHome);
        if (KeycloakServer.resetDataIfRealmChanged(kcHome, config.realmFile(), demo)) {
            LOG.info("keycloak-realm/alpha01-realm.json changed: Keycloak's dev data reset to import it again");
        }
        KeycloakServer kc = KeycloakServer.start(kcHome, config.realmFile(), config.kcPort(), config.kcManagementPort(),
                config.keycloakAdminPassword(), Duration.ofMinutes(4), demo);
        supervisor.watch("keycloak", new Supervisor.Running(kc::alive, kc::pid, kc::close), () -> {
            KeycloakServer again = KeycloakServer.start(kcHome, config.realmFile(), config.kcPort(),
                    config.kcManagementPort(), config.keycloakAdminPassword(), Duration.ofMinutes(4), demo);
            return new Supervisor.Running(again::alive, again::pid, again::close);
        });
        LOG.infof("Keycloak up after %d ms", elapsed(t0));

        Path wfHome = state.resolve("wildfly");
        if (Zips.unpackOnce(config.wildflyZip(), wfHome, "bin/standalone.sh")) {
            LOG.infof("WildFly unpacked to %s", wfHome);
        }
        try {
            WildFlyServer.configure(wfHome, config.cliDir(), config.jdbcJar());
        } catch (IOException e) {
            LOG.infof("%s; unpacking WildFly again", e.getMessage());
            Zips.deleteTree(wfHome);
            Zips.unpackOnce(config.wildflyZip(), wfHome, "bin/standalone.sh");
            WildFlyServer.configure(wfHome, config.cliDir(), config.jdbcJar());
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ALPHA01_DB_URL", jdbcUrl);
        env.put("ALPHA01_DB_USER", "alpha01");
        env.put("ALPHA01_DB_PASSWORD", config.dbPassword());
        env.put("ALPHA01_OIDC_URL", kc.issuer().toString());
        env.put("ALPHA01_KC_SERVER_SECRET", config.serverClientSecret());
        env.put("ALPHA01_PUBLIC_URL", config.publicUrl());
        env.put("ALPHA01_TLS_KEYSTORE", ca.serverKeyStore().toString());
        env.put("ALPHA01_TLS_KEYSTORE_PASSWORD", ca.password());
        // WildFly calls Keycloak over HTTPS: it trusts the JDK's CAs and the stack's own.
        env.put("JAVA_OPTS", "-Xms256m -Xmx1g -Djava.net.preferIPv4Stack=true " + String.join(" ", ca.trustStoreJvmOptions()));
        WildFlyServer.stage(wfHome, config.ear()); // boot with this build: no redeploy after start
        Supervisor.Starter startWf = () -> {
            WildFlyServer server = WildFlyServer.start(wfHome, config.wildflyOffset(), env, "alpha01-dev");
            try {
                server.deploy(config.ear(), "/api/v1/health", Duration.ofMinutes(3));
            } catch (Exception e) {
                server.close(); // not yet the supervisor's: a failed start must not leave it running
                throw e;
            }
            return new Supervisor.Running(server::alive, server::pid, server::close);
        };
        supervisor.watch("wildfly", startWf.start(), startWf);
        LOG.infof("WildFly with the EAR up after %d ms", elapsed(t0));

        MerchantClientProcess client = MerchantClientProcess.start(config, kc.issuer(), tls);
        supervisor.watch("client", new Supervisor.Running(client::alive, client::pid, client::close), () -> {
            MerchantClientProcess again = MerchantClientProcess.start(config, kc.issuer(), tls);
            return new Supervisor.Running(again::alive, again::pid, again::close);
        });
        String customerUrl = client.awaitCustomerUrl(Duration.ofMinutes(3));
        facts.put("customerUrl", customerUrl);
        facts.put("serverUrl", config.publicUrl());
        facts.put("keycloakUrl", kc.issuer().toString());
        facts.put("startedInMs", Long.toString(elapsed(t0)));
        writeStatus();
        // The URL carries the counter code's token: it stays in the status file (bin/alpha01 prints it), not in a log.
        LOG.infof("Dev stack up in %d ms; customer URL in %s", elapsed(t0), config.stateDir().resolve("status.properties"));
    }

    private synchronized void stop() {
        stopping = true;
        try {
            config.writeStatus("stopping", Map.of());
        } catch (IOException ignored) {
            // the status file is informative only
        }
        supervisor.closeAll();
        try {
            config.writeStatus("down", Map.of("stoppedAt", Instant.now().toString()));
        } catch (IOException ignored) {
            // the status file is informative only
        }
    }

    private static long elapsed(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

}
