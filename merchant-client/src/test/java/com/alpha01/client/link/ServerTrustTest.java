package com.alpha01.client.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merchant client's TLS trust against a real HTTPS server on 127.0.0.1 serving certificates made
 * with the JDK's keytool: a private CA in the trust store is accepted, and every way a certificate can
 * be wrong is refused with the problem 状态 names.
 */
class ServerTrustTest {

    private static final String PASSWORD = "test-store-pass";

    @TempDir
    static Path dir;

    private HttpsServer server;

    @BeforeAll
    static void makeCertificates() throws Exception {
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Test CA",
                "-ext", "bc:c", "-validity", "30", "-keystore", p("ca.p12"), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", p("ca.p12"), "-storepass", PASSWORD, "-file", p("ca.pem"));
        serverCertificate("good", "san=dns:localhost,ip:127.0.0.1", null);
        serverCertificate("other-host", "san=dns:other.example", null);
        serverCertificate("expired", "san=ip:127.0.0.1", "-20d");
    }

    /** A server key store {@code name}.p12 with a certificate from the CA ({@code start}: keytool's -startdate). */
    private static void serverCertificate(String name, String san, String start) throws Exception {
        String store = p(name + ".p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-keystore", store, "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-certreq", "-alias", "server", "-keystore", store, "-storepass", PASSWORD, "-file", p(name + ".csr"));
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", p("ca.p12"),
                "-storepass", PASSWORD, "-infile", p(name + ".csr"), "-outfile", p(name + ".pem"), "-ext", san));
        if (start != null) {
            gencert.addAll(List.of("-startdate", start, "-validity", "1"));
        }
        keytool(gencert.toArray(String[]::new));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", store, "-storepass", PASSWORD, "-file", p("ca.pem"));
        keytool("-importcert", "-noprompt", "-alias", "server", "-keystore", store, "-storepass", PASSWORD,
                "-file", p(name + ".pem"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void a_private_ca_in_the_trust_store_is_accepted_and_a_call_gets_through() throws Exception {
        URI uri = serve("good");
        ServerTrust trust = ServerTrust.from(dir.resolve("ca.pem"), null, null);
        assertEquals(200, get(trust, uri));
    }

    @Test
    void without_the_ca_the_certificate_is_untrusted() throws Exception {
        URI uri = serve("good");
        assertEquals(ServerTrust.Problem.UNTRUSTED, refusal(ServerTrust.from(null, null, null), uri));
    }

    @Test
    void a_certificate_for_another_host_is_refused_as_such() throws Exception {
        URI uri = serve("other-host");
        assertEquals(ServerTrust.Problem.WRONG_HOST, refusal(ServerTrust.from(dir.resolve("ca.pem"), null, null), uri));
    }

    @Test
    void an_expired_certificate_is_refused_as_expired() throws Exception {
        URI uri = serve("expired");
        assertEquals(ServerTrust.Problem.EXPIRED, refusal(ServerTrust.from(dir.resolve("ca.pem"), null, null), uri));
    }

    @Test
    void pins_accept_only_a_chain_holding_a_pinned_key() throws Exception {
        URI uri = serve("good");
        String serverPin = ServerTrust.pin(certificate("good.p12", "server"));
        String caPin = ServerTrust.pin(certificate("ca.p12", "ca"));
        assertEquals(ServerTrust.Problem.PIN_MISMATCH, refusal(ServerTrust.from(dir.resolve("ca.pem"), null,
                "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), uri));
        assertEquals(200, get(ServerTrust.from(dir.resolve("ca.pem"), null, "sha256/" + serverPin), uri));
        assertEquals(200, get(ServerTrust.from(dir.resolve("ca.pem"), null, "nope, " + caPin), uri), "the CA's key pins too");
    }

    @Test
    void a_pin_does_not_replace_the_chain_check() throws Exception {
        URI uri = serve("good");
        String serverPin = ServerTrust.pin(certificate("good.p12", "server"));
        assertEquals(ServerTrust.Problem.UNTRUSTED, refusal(ServerTrust.from(null, null, serverPin), uri));
    }

    @Test
    void an_unreadable_trust_store_trusts_nothing_not_less() throws Exception {
        URI uri = serve("good");
        Files.writeString(dir.resolve("broken.p12"), "not a key store");
        assertEquals(ServerTrust.Problem.TRUST_STORE, refusal(ServerTrust.from(dir.resolve("broken.p12"), PASSWORD, null), uri));
        assertEquals(ServerTrust.Problem.TRUST_STORE, refusal(ServerTrust.from(dir.resolve("missing.pem"), null, null), uri));
    }

    @Test
    void a_pkcs12_trust_store_works_like_a_pem_file() throws Exception {
        URI uri = serve("good");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", p("trust.p12"), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-file", p("ca.pem"));
        assertEquals(200, get(ServerTrust.from(dir.resolve("trust.p12"), PASSWORD, null), uri));
    }

    @Test
    void the_last_problem_is_kept_until_a_connection_succeeds_and_other_failures_leave_it() throws Exception {
        URI uri = serve("other-host");
        ServerTrust trust = ServerTrust.from(dir.resolve("ca.pem"), null, null);
        Exception failure = assertThrows(IOException.class, () -> get(trust, uri));
        assertEquals(ServerTrust.Problem.WRONG_HOST, trust.noteFailure(failure).orElseThrow());
        assertTrue(trust.noteFailure(new java.net.ConnectException("refused")).isEmpty());
        assertEquals(ServerTrust.Problem.WRONG_HOST, trust.lastProblem().orElseThrow(), "a refused connection says nothing new");
        trust.noteSuccess();
        assertTrue(trust.lastProblem().isEmpty());
        assertEquals("wrong-host", ServerTrust.Problem.WRONG_HOST.code());
    }

    private URI serve(String name) throws Exception {
        KeyStore store = KeyStore.getInstance(dir.resolve(name + ".p12").toFile(), PASSWORD.toCharArray());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static int get(ServerTrust trust, URI uri) throws IOException, InterruptedException {
        return trust.httpClient().build().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static ServerTrust.Problem refusal(ServerTrust trust, URI uri) {
        Exception failure = assertThrows(IOException.class, () -> get(trust, uri));
        return ServerTrust.problem(failure).orElseThrow(() -> new AssertionError("not a TLS problem: " + failure, failure));
    }

    private static X509Certificate certificate(String store, String alias) throws Exception {
        return (X509Certificate) KeyStore.getInstance(dir.resolve(store).toFile(), PASSWORD.toCharArray()).getCertificate(alias);
    }

    private static String p(String name) {
        return dir.resolve(name).toString();
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes());
        }
        if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + ": " + out);
        }
    }
}
