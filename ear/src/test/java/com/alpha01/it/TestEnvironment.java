package com.alpha01.it;

import com.alpha01.devstack.KeycloakServer;
import com.alpha01.devstack.LocalCa;
import com.alpha01.devstack.PostgresServer;
import com.alpha01.devstack.RealmAdmin;
import com.alpha01.devstack.TokenClient;
import com.alpha01.devstack.WildFlyServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the real servers the integration tests need, once per test JVM, before Arquillian boots
 * WildFly: PostgreSQL (clean data folder under {@code target/}), Keycloak with the project's realm,
 * and the {@code wildfly-config/*.cli} scripts applied to the unpacked WildFly. Ports come from
 * Maven (free ones reserved by build-helper); failsafe passes them as system properties.
 */
public final class TestEnvironment implements LauncherSessionListener {

    /** The ITs run clustered: Arquillian's WildFly is node A, {@code ClusterIT} starts node B. */
    static final String CONFIG = "standalone-full-ha.xml";
    static final String DB_NAME = "alpha01";
    static final String DB_USER = "alpha01";
    static final String DB_PASSWORD = "alpha01-it";
    static final String STAFF_PASSWORD = "Demo-staff-2026";
    static final String CUSTOMER_PASSWORD = "Demo-customer-2026";

    /**
     * Set (e.g. {@code -Dalpha01.it.pg.durable=true}, as {@code bench/run} does) for production durability:
     * PostgreSQL with {@code fsync} and {@code synchronous_commit} on. Unset, the ITs run on the embedded
     * library's defaults, both off.
     */
    /** The {@code alpha01-server} client's secret in the tests' realm; the server under test gets it from ear/pom.xml. */
    static final String SERVER_SECRET = System.getProperty("alpha01.it.kc.server.secret", "alpha01-it-secret");

    static final String DURABLE = "alpha01.it.pg.durable";
    private static final Map<String, String> DURABLE_SETTINGS = Map.of("fsync", "on", "synchronous_commit", "on");

    /** The password of the tests' key and trust stores ({@code target/tls}, made by {@link LocalCa}); ear/pom.xml passes it to WildFly. */
    static final String TLS_PASSWORD = "alpha01-it-tls";

    private static LocalCa tls;
    private static PostgresServer postgres;
    private static KeycloakServer keycloak;
    private static final String ADMIN_PASSWORD = "it-admin-" + UUID.randomUUID();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("alpha01.ear") == null || postgres != null) {
            return;
        }
        try {
            // Before anything speaks TLS: WildFly serves this CA's certificate (ear/pom.xml), and this JVM, the
            // merchant clients it runs and the Chromium it drives trust it.
            tls = LocalCa.ensure(path("alpha01.it.tls.dir"), TLS_PASSWORD);
            tls.trustStoreProperties().forEach(System::setProperty);
            // A clean folder for every run, kept at its end: stopped and started again on its data by the fault suite.
            deleteTree(path("alpha01.it.pg.data"));
            postgres = PostgresServer.start(path("alpha01.it.pg.data"), intProperty("alpha01.it.pg.port"), false,
                    DB_NAME, DB_USER, DB_PASSWORD, Boolean.getBoolean(DURABLE) ? DURABLE_SETTINGS : Map.of());
            Path kcHome = path("alpha01.keycloak.home");
            KeycloakServer.install(path("alpha01.keycloak.zip"), kcHome);
            KeycloakServer.resetData(kcHome);
            keycloak = KeycloakServer.start(kcHome, path("alpha01.realm"), intProperty("alpha01.it.kc.port"),
                    intProperty("alpha01.it.kc.mgmt.port"), ADMIN_PASSWORD, Duration.ofMinutes(4), keycloakDemo());
            WildFlyServer.configure(path("alpha01.wildfly.home"), path("alpha01.wildfly.cli-dir"),
                    path("alpha01.jdbc.jar"), CONFIG);
        } catch (Exception e) {
            launcherSessionClosed(session);
            throw new IllegalStateException("test servers did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (keycloak != null) {
            keycloak.close();
            keycloak = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /**
     * Fault suite: PostgreSQL stops (a fast shutdown: sessions are cut, as when the database host
     * restarts) and keeps its data; {@link #startPostgres} starts it again on the same data and port.
     */
    static synchronized void stopPostgres() {
        postgres.close();
    }

    static synchronized void startPostgres() throws Exception {
        postgres = PostgresServer.start(path("alpha01.it.pg.data"), intProperty("alpha01.it.pg.port"), false,
                DB_NAME, DB_USER, DB_PASSWORD, Boolean.getBoolean(DURABLE) ? DURABLE_SETTINGS : Map.of());
    }

    /** The tests' PostgreSQL data folder (its port: {@link #pgPort()}), for the backup and restore test. */
    static Path pgData() {
        return path("alpha01.it.pg.data");
    }

    static int pgPort() {
        return intProperty("alpha01.it.pg.port");
    }

    /** Fault suite: Keycloak stops; {@link #startKeycloak} starts it again with its data (users, keys, sessions). */
    static synchronized void stopKeycloak() {
        keycloak.close();
    }

    static synchronized void startKeycloak() throws Exception {
        keycloak = KeycloakServer.start(path("alpha01.keycloak.home"), path("alpha01.realm"),
                intProperty("alpha01.it.kc.port"), intProperty("alpha01.it.kc.mgmt.port"), ADMIN_PASSWORD,
                Duration.ofMinutes(4), keycloakDemo());
    }

    /**
     * Keycloak stays on plain HTTP in the tests (the dev stack runs it on TLS): the application's two nodes, on
     * HTTPS, are its redirect targets.
     */
    private static KeycloakServer.Demo keycloakDemo() {
        int nodeB = 8443 + intProperty("alpha01.it.node-b.port.offset");
        return new KeycloakServer.Demo(SERVER_SECRET, null,
                java.util.List.of(serverUri().toString(), "https://127.0.0.1:" + nodeB));
    }

    /** The realm's issuer URL. */
    static URI issuer() {
        return URI.create("http://127.0.0.1:" + intProperty("alpha01.it.kc.port") + "/realms/" + KeycloakServer.REALM);
    }

    /** Base URL of the WildFly under test, on HTTPS (what the server also thinks its public URL is). */
    static URI serverUri() {
        return URI.create("https://127.0.0.1:" + intProperty("alpha01.it.https.port"));
    }

    /** The same server's plain HTTP listener: everything but health probes is redirected to {@link #serverUri()}. */
    static URI plainServerUri() {
        return URI.create("http://127.0.0.1:" + intProperty("alpha01.it.http.port"));
    }

    /** The tests' CA (its certificate: what a merchant client's {@code ALPHA01_TRUST_STORE} names). */
    static LocalCa tls() {
        return tls;
    }

    /** {@code /ws/client} of the server under test for merchant client {@code clientId}. */
    static URI clientSocket(String clientId) {
        return URI.create(serverUri().toString().replaceFirst("^http", "ws") + "/ws/client?client_id=" + clientId);
    }

    static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + intProperty("alpha01.it.pg.port") + "/" + DB_NAME;
    }

    /** A fresh access token of the demo customer, from the real Keycloak. */
    static String customerToken() throws Exception {
        return TokenClient.passwordGrant(issuer(), "customer-web", "demo-customer", CUSTOMER_PASSWORD.toCharArray());
    }

    /**
     * A token of a brand-new customer account, so that a test's conversations are its own (one
     * customer keeps one conversation per shop).
     */
    static String newCustomerToken() throws Exception {
        Account account = newCustomer();
        return TokenClient.passwordGrant(issuer(), "customer-web", account.username(), account.password().toCharArray());
    }

    /** A customer account made for one test. */
    record Account(String username, String password) {
    }

    /** A staff account of another merchant ({@code /merchants/<code>}), made for one test. */
    static Account newStaff(String merchantCode) throws Exception {
        String name = "it-staff-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "It-" + UUID.randomUUID();
        new RealmAdmin(issuer().resolve("/"), ADMIN_PASSWORD).createUser(KeycloakServer.REALM, name,
                name + "@shop.example", password.toCharArray(), "merchant-staff", "/merchants/" + merchantCode);
        return new Account(name, password);
    }

    /** Keycloak sends the realm's mail to this SMTP server from now on. */
    static void useSmtp(String host, int port) throws Exception {
        new RealmAdmin(issuer().resolve("/"), ADMIN_PASSWORD).useSmtp(KeycloakServer.REALM, host, port);
    }

    /** The user's open Keycloak sessions. */
    static int sessions(String username) throws Exception {
        return new RealmAdmin(issuer().resolve("/"), ADMIN_PASSWORD).sessions(KeycloakServer.REALM, username);
    }

    /** Whether Keycloak has a user with this name (to prove nothing half-made was left). */
    static boolean userExists(String username) throws Exception {
        return new RealmAdmin(issuer().resolve("/"), ADMIN_PASSWORD).userExists(KeycloakServer.REALM, username);
    }

    static Account newCustomer() throws Exception {
        String name = "it-customer-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "It-" + UUID.randomUUID();
        new RealmAdmin(issuer().resolve("/"), ADMIN_PASSWORD).createUser(KeycloakServer.REALM, name,
                name + "@mail.example", password.toCharArray(), "customer");
        return new Account(name, password);
    }

    /** Deletes a folder and all it holds (nothing when it is not there). */
    static void deleteTree(Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }

    private static Path path(String property) {
        return Path.of(required(property));
    }

    private static int intProperty(String property) {
        return Integer.parseInt(required(property));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (run through failsafe)");
        }
        return value;
    }

}
