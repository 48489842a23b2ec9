package com.alpha01.it;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.LinkState;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A merchant client of the fault suite in a JVM of its own, so that it can be killed as a shop PC
 * loses power (SIGKILL: no close frame, no goodbye): the product's {@link com.alpha01.client.link.ServerLink}
 * with its outbox, signed in as a staff member of the shop, answering every customer message with
 * {@link FixedAnswerer}. Each change of the link's state is one line {@code LINK <state>} on its output,
 * which the suite reads from the process's log file.
 */
final class FaultClient implements AutoCloseable {

    private static final String USER = "ALPHA01_IT_STAFF_USER";
    private static final String PASSWORD = "ALPHA01_IT_STAFF_PASSWORD";
    private static final String ISSUER = "ALPHA01_IT_ISSUER";

    private final String clientId;
    private final List<URI> servers;
    private final TestEnvironment.Account staff;
    private final Path log;
    private volatile Process process;
    private int starts;

    private FaultClient(String clientId, List<URI> servers, TestEnvironment.Account staff, Path log) {
        this.clientId = clientId;
        this.servers = servers;
        this.staff = staff;
        this.log = log;
    }

    /** Starts client {@code clientId} (signed in as {@code staff}) on {@code servers} and waits until it is online. */
    static FaultClient start(String clientId, List<URI> servers, TestEnvironment.Account staff, Path logDir)
            throws Exception {
        FaultClient client = new FaultClient(clientId, servers, staff, logDir.resolve("fault-client-" + clientId + ".log"));
        client.launch();
        return client;
    }

    /** Starts the process again after {@link #kill()} (same client id, a fresh sign-in) and waits until it is online. */
    void restart() throws Exception {
        if (process.isAlive()) {
            throw new IllegalStateException("client " + clientId + " still runs");
        }
        launch();
    }

    private void launch() throws Exception {
        Files.createDirectories(log.getParent());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-Dorg.jboss.logging.provider=jdk",
                // It trusts the tests' CA as this JVM does (the server is on HTTPS).
                "-Djavax.net.ssl.trustStore=" + TestEnvironment.tls().trustStore(), "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-cp", classPath(), FaultClient.class.getName(), clientId));
        servers.forEach(s -> cmd.add(s.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Credentials go by environment, never on the command line (ps shows that).
        pb.environment().put(USER, staff.username());
        pb.environment().put(PASSWORD, staff.password());
        pb.environment().put(ISSUER, TestEnvironment.issuer().toString());
        long onlineBefore = onlineCount();
        process = pb.start();
        starts++;
        Waits.until("merchant client " + clientId + " online (start " + starts + ")", Duration.ofSeconds(60), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("merchant client process exited; see " + log);
            }
            return onlineCount() > onlineBefore;
        });
    }

    /**
     * The failsafe JVM's test classpath: surefire puts it in a manifest-only jar, whose path is then the
     * whole {@code java.class.path}; it names every entry.
     */
    private static String classPath() {
        String listed = System.getProperty("surefire.test.class.path");
        return listed != null && !listed.isBlank() ? listed : System.getProperty("java.class.path");
    }

    /** How often the process said its link came online (all starts together). */
    long onlineCount() throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.equals("LINK " + LinkState.ONLINE)).count();
        }
    }

    /** Gone at once, as when the shop's PC loses power: SIGKILL. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String clientId() {
        return clientId;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** The process: {@code FaultClient <clientId> <server URI>...}; credentials and issuer from the environment. */
    public static void main(String[] args) throws Exception {
        String clientId = args[0];
        List<URI> servers = Arrays.stream(args).skip(1).map(URI::create).collect(Collectors.toList());
        KeycloakSession staff = KeycloakSession.signIn(URI.create(System.getenv(ISSUER)), System.getenv(USER),
                System.getenv(PASSWORD).toCharArray());
        AtomicLong ignored = new AtomicLong();
        CountDownLatch forever = new CountDownLatch(1);
        try (FixedAnswerer answerer = FixedAnswerer.online(servers, clientId, staff, ignored, ignored, state -> {
            System.out.println("LINK " + state);
            System.out.flush();
        })) {
            Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
            forever.await();
        }
    }
}
