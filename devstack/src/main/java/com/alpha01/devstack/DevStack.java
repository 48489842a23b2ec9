package com.alpha01.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jboss.logging.Logger;

/**
 * The one-command dev stack ({@code bin/alpha01 up}): PostgreSQL, Keycloak with the realm,
 * WildFly with the EAR and the merchant client, all on 127.0.0.1, state under {@code .alpha01/}.
 * This process supervises them: it stays in the foreground (the script puts it in the background)
 * and stops everything in reverse order on SIGTERM, so one PID stops the whole stack.
 */
public final class DevStack {

    private static final Logger LOG = Logger.getLogger(DevStack.class);

    private final DevStackConfig config;
    private final List<AutoCloseable> started = new ArrayList<>();

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
        stopped.await();
    }

    private void start() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        config.writeStatus("starting", Map.of());
        Path state = config.stateDir();

        PostgresServer pg = PostgresServer.start(state.resolve("postgres"), config.pgPort(), false,
                "alpha01", "alpha01", config.dbPassword());
        started.add(pg);
        LOG.infof("PostgreSQL up after %d ms", elapsed(t0));

        Path kcHome = state.resolve("keycloak");
        KeycloakServer.install(config.keycloakZip(), kcHome);
        if (KeycloakServer.resetDataIfRealmChanged(kcHome, config.realmFile())) {
            LOG.info("keycloak-realm/alpha01-realm.json changed: Keycloak's dev data reset to import it again");
        }
        KeycloakServer kc = KeycloakServer.start(kcHome, config.realmFile(), config.kcPort(), config.kcManagementPort(),
                config.keycloakAdminPassword(), Duration.ofMinutes(4));
        started.add(kc);
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
        env.put("ALPHA01_DB_URL", pg.jdbcUrl("alpha01"));
        env.put("ALPHA01_DB_USER", "alpha01");
        env.put("ALPHA01_DB_PASSWORD", config.dbPassword());
        env.put("ALPHA01_OIDC_URL", kc.issuer().toString());
        env.put("ALPHA01_KC_SERVER_SECRET", config.serverClientSecret());
        env.put("ALPHA01_PUBLIC_URL", config.publicUrl());
        WildFlyServer.stage(wfHome, config.ear()); // boot with this build: no redeploy after start
        WildFlyServer wf = WildFlyServer.start(wfHome, config.wildflyOffset(), env, "alpha01-dev");
        started.add(wf);
        wf.deploy(config.ear(), "/api/v1/health", Duration.ofMinutes(3));
        LOG.infof("WildFly with the EAR up after %d ms", elapsed(t0));

        MerchantClientProcess client = MerchantClientProcess.start(config, kc.issuer());
        started.add(client);
        String customerUrl = client.awaitCustomerUrl(Duration.ofMinutes(3));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("customerUrl", customerUrl);
        facts.put("serverUrl", config.publicUrl());
        facts.put("keycloakUrl", kc.issuer().toString());
        facts.put("startedInMs", Long.toString(elapsed(t0)));
        facts.put("pids", "devstack=" + ProcessHandle.current().pid() + " keycloak=" + kc.pid() + " wildfly=" + wf.pid()
                + " client=" + client.pid());
        config.writeStatus("up", facts);
        LOG.infof("Dev stack up in %d ms; customer URL %s", elapsed(t0), customerUrl);
    }

    private void stop() {
        try {
            config.writeStatus("stopping", Map.of());
        } catch (IOException ignored) {
            // the status file is informative only
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warnf("stopping %s: %s", started.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
        started.clear();
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
